/**
 * Domain types of a Sozialraum-Monitor data package, defined once.
 *
 * A data package is a folder with `datapackage.json` (Frictionless Data Package conventions) plus
 * area geometry per level (GeoJSON, WGS84) and CSV tables. `docs/data-package.md` documents the
 * format for people; `package/validate.ts` checks it at the boundary so the rest of the app can
 * trust these types.
 */

/** Whether a higher value is good, bad, or neither (drives comparison colours and trend wording). */
export type Polarity = 'higher_is_better' | 'higher_is_worse' | 'neutral';
export const POLARITIES: readonly Polarity[] = ['higher_is_better', 'higher_is_worse', 'neutral'];

/** Life phases of the prevention chain, in the order of a child's life, plus context indicators. */
export type LifePhase =
	| 'kontext'
	| 'schwangerschaft_geburt'
	| 'u3'
	| '3_6'
	| '6_10'
	| '10_16'
	| '16_27';
export const LIFE_PHASES: readonly LifePhase[] = [
	'kontext',
	'schwangerschaft_geburt',
	'u3',
	'3_6',
	'6_10',
	'10_16',
	'16_27'
];

/**
 * How the value relates to numerator and denominator; decides which interval applies.
 * - proportion: numerator ⊆ denominator (Wilson score interval), value = num/den × multiplier
 * - rate: events per population (Byar / exact Poisson), value = num/den × multiplier
 * - count: a plain count, value = numerator, no denominator
 */
export type ValueType = 'proportion' | 'rate' | 'count';
export const VALUE_TYPES: readonly ValueType[] = ['proportion', 'rate', 'count'];

export interface Indicator {
	id: string;
	label_de: string;
	label_en: string;
	/** Display unit, e.g. "%", "je 1.000", "Anzahl". */
	unit: string;
	/** value = numerator / denominator × multiplier (100 for %, 1000 for per 1,000, 1 for counts). */
	multiplier: number;
	value_type: ValueType;
	polarity: Polarity;
	life_phase: LifePhase;
	topic: string;
	definition_de: string;
	definition_en: string;
	numerator_label_de: string;
	denominator_label_de: string;
	source: string;
	decimals: number;
	/**
	 * true for a derived (own) indicator the engine computes from other indicators' counts
	 * (src/lib/data/derived.ts); false or absent for the package's indicators.
	 */
	derived?: boolean;
}

/** Observation flags. Empty string = ordinary value. */
export type ObservationFlag = '' | 'suppressed' | 'missing' | 'provisional' | 'break';
export const OBSERVATION_FLAGS: readonly ObservationFlag[] = [
	'',
	'suppressed',
	'missing',
	'provisional',
	'break'
];

/** One indicator value for one area and year (long form). Null = not available. */
export interface Observation {
	area_key: string;
	indicator_id: string;
	year: number;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	flag: ObservationFlag;
}

/** Population by age group; the base for key facts, coverage and index population minimums. */
export interface PopulationRow {
	area_key: string;
	year: number;
	/** "0_2", "3_5", "6_9", "10_15", "16_17", "18_26", "insgesamt" */
	age_group: string;
	/** null = withheld (disclosure control in a published package). */
	persons: number | null;
}

/** An offer (Angebot) of the prevention chain. */
export interface Offer {
	id: string;
	name: string;
	provider: string;
	/** Life phases the offer serves (stored pipe-separated in CSV). */
	life_phases: LifePhase[];
	/** Topics (stored pipe-separated in CSV). */
	topics: string[];
	area_key: string;
	lon: number;
	lat: number;
	/** Places (Plätze) where the offer has a capacity; null otherwise. */
	places: number | null;
	description: string;
	/** Kind of offer as a planner names it ("Kita", "Familienzentrum", "Elterncafé"); optional column. */
	category?: string;
	/** Address as text ("Lindenstraße 12, 45100 Musterstadt"); optional column. */
	address?: string;
	/** First and last day the offer exists (ISO dates, inclusive); null = open. Optional columns. */
	valid_from?: string | null;
	valid_to?: string | null;
}

/**
 * The three levels a member of a local network works on (Präventionsnetzwerk "Starke Kinder –
 * Starke Jugend"): the Kreis administration, the municipal administration, the operative level.
 */
export const MEMBER_TIERS = ['kreis', 'kommune', 'operativ'] as const;
export type MemberTier = (typeof MEMBER_TIERS)[number];

/**
 * The documented list of professions / institution types of a network member, each with the tier
 * it usually belongs to and whether it is one of the core professions a prevention network is
 * expected to include (the basis of "which professions are missing"). `sonstige` takes a free
 * label. Labels live in the i18n catalogue (`networks.type.<id>`); docs/data-package.md lists them.
 */
export const MEMBER_TYPES = [
	{ id: 'jugendamt', tier: 'kommune', core: true },
	{ id: 'gesundheitsamt', tier: 'kreis', core: true },
	{ id: 'sozialamt', tier: 'kommune', core: false },
	{ id: 'schulverwaltung', tier: 'kommune', core: false },
	{ id: 'hebamme', tier: 'operativ', core: true },
	{ id: 'kinderarzt', tier: 'operativ', core: true },
	{ id: 'kita', tier: 'operativ', core: true },
	{ id: 'kindertagespflege', tier: 'operativ', core: false },
	{ id: 'familienzentrum', tier: 'operativ', core: true },
	{ id: 'grundschule', tier: 'operativ', core: true },
	{ id: 'weiterfuehrende_schule', tier: 'operativ', core: false },
	{ id: 'schulsozialarbeit', tier: 'operativ', core: true },
	{ id: 'beratungsstelle', tier: 'operativ', core: true },
	{ id: 'jugendarbeit', tier: 'operativ', core: true },
	{ id: 'jobcenter', tier: 'operativ', core: true },
	{ id: 'arbeitsagentur', tier: 'operativ', core: false },
	{ id: 'polizei', tier: 'operativ', core: true },
	{ id: 'sportverein', tier: 'operativ', core: false },
	{ id: 'freier_traeger', tier: 'operativ', core: false },
	{ id: 'sonstige', tier: 'operativ', core: false }
] as const satisfies readonly { id: string; tier: MemberTier; core: boolean }[];
export type MemberType = (typeof MEMBER_TYPES)[number]['id'];
export const MEMBER_TYPE_IDS: readonly MemberType[] = MEMBER_TYPES.map((m) => m.id);

/** A local network (e.g. "Starke Kinder – Starke Jugend Nord") of one area of any level. */
export interface Network {
	id: string;
	name: string;
	/** Level id of the area (any level of the package). */
	level: string;
	area_key: string;
	/** Institution that coordinates the network (never a person's name). */
	coordinator: string;
	description: string;
}

/** A member of a network: an institution (never a person), its tier and type. */
export interface NetworkMember {
	network_id: string;
	institution: string;
	tier: MemberTier;
	type: MemberType;
	/** Free label for type "sonstige" (e.g. "Tafel"); empty otherwise. */
	type_label: string;
}

export interface NetworkMeeting {
	network_id: string;
	/** ISO date. */
	date: string;
	topic: string;
}

/** Status of a measure (Maßnahme): geplant, laufend, abgeschlossen, ausgesetzt. */
export const MEASURE_STATUSES = ['planned', 'running', 'completed', 'suspended'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** A measure (Maßnahme) meant to reach one or more Feinziele, with the offers it relies on. */
export interface Measure {
	id: string;
	name: string;
	target_ids: string[];
	offer_ids: string[];
	/** Responsible body (an institution or office). */
	responsible: string;
	/** ISO date the measure starts (or started); null = not fixed yet. */
	start: string | null;
	end: string | null;
	status: MeasureStatus;
	description: string;
}

/**
 * What a target is about: `city` (the whole territory) or the id of an area level of the package
 * (`gemeinde`, `ortsteil`, …). The old values `sozialraum` (= the finest level) and `stadtbezirk`
 * (= the middle level of three) stay valid for packages whose levels have other ids.
 */
export type TargetScope = 'city' | (string & {});

/** A Feinziel (operational target) agreed by the steering group. */
export interface Target {
	id: string;
	indicator_id: string;
	scope_type: TargetScope;
	/** Area keys the target is about (empty for the city). Pipe-separated in CSV. */
	scope_keys: string[];
	baseline_year: number;
	baseline_value: number;
	target_value: number;
	target_year: number;
	owner: string;
	decision: string;
	note: string;
	status: 'adopted' | 'draft';
}

/**
 * One boundary version (Gebietsstand) of a level: the complete level as it was in the years
 * valid_from … valid_to (inclusive; null = open). docs/levels-and-versions.md.
 */
export interface AreaVersion {
	id: string;
	label_de: string;
	label_en: string;
	valid_from: number | null;
	valid_to: number | null;
	/** GeoJSON file of this version. */
	path: string;
}

/** Levels of the area hierarchy, finest first (2–4 levels; the last one is the whole territory). */
export interface AreaLevel {
	id: string;
	label_de: string;
	label_en: string;
	/** Plural for lists and headings ("Ortsteile"); derived from label_de when absent. */
	label_plural_de?: string;
	label_plural_en?: string;
	/** Path of the GeoJSON file inside the package (the newest version when there are versions). */
	path: string;
	/** Boundary versions, oldest first; absent = one version valid in every year. */
	versions?: AreaVersion[];
}

/** How crosswalk weights were found: share of surface, of residents, or given by the statistics office. */
export type CrosswalkMethod = 'given' | 'population' | 'area';
export const CROSSWALK_METHODS: readonly CrosswalkMethod[] = ['given', 'population', 'area'];

/** One row of crosswalk.csv: the share of an old area's counts that belongs to a new area. */
export interface CrosswalkRow {
	level: string;
	from_version: string;
	from_key: string;
	to_version: string;
	to_key: string;
	weight: number;
	method: CrosswalkMethod;
}

/** Properties every area feature carries. */
export interface AreaProperties {
	key: string;
	name: string;
	level: string;
	/** Key of the parent area (next level up); "" at the top. */
	parent: string;
}

/** Disclosure control settings of a package (Geheimhaltung). */
export interface DisclosureSettings {
	/** Suppress when 0 < numerator < minNumerator. Default 3. */
	minNumerator: number;
	/** Suppress when denominator < minDenominator. Default 0 (off). */
	minDenominator: number;
}

/** The project-specific block inside datapackage.json (key "sozialraum"). */
export interface SozialraumMeta {
	/** The data are invented (demo): the UI must say so. */
	fictional: boolean;
	/** Datenstand (data as of), ISO date. */
	datenstand: string;
	/** Name of the whole territory (city or Kreis). */
	territory_de: string;
	/** One line saying what the territory is, shown where a package is chosen ("Kreis mit Gemeinden und Ortsteilen"). */
	summary_de?: string;
	summary_en?: string;
	/** Levels, finest first; the first level is the one indicators are observed on. */
	levels: AreaLevel[];
	disclosure: DisclosureSettings;
	/** Indicator shown first in the atlas. */
	default_indicator: string;
	/** Public copy written by pipelines/publish (disclosure control applied); absent = internal data. */
	published?: boolean;
	/**
	 * Served layout (written by the build, pipelines/serve/prepare.ts): observations as one file per
	 * indicator, loaded on first use, with disclosure control already decided. Absent = one
	 * observations resource.
	 */
	observation_parts?: ObservationPart[];
	/**
	 * Served layout: path of the precomputed answers' index (pipelines/serve/precompute.ts,
	 * format in src/lib/data/precomputed.ts). Absent = every answer comes from the engine.
	 */
	precomputed?: string;
	/**
	 * Served layout: zoom bands of simplified geometry per geometry file path, for levels with many
	 * areas (pipelines/serve/simplify.ts, src/lib/data/geometry-bands.ts). Absent = the map draws
	 * every file as it is.
	 */
	geometry_bands?: Record<string, GeometryBand[]>;
}

/** One zoom band of a level's geometry: the file drawn at zooms [min_zoom, max_zoom) (null = open). */
export interface GeometryBand {
	path: string;
	min_zoom: number | null;
	max_zoom: number | null;
	/**
	 * Visvalingam threshold of the band: vertices whose effective area (triangle) was below the
	 * square of this many screen pixels at max_zoom were removed (0: the original geometry).
	 */
	tolerance_px: number;
}

/** One indicator's observations in the served layout. */
export interface ObservationPart {
	indicator_id: string;
	path: string;
	rows: number;
	/** Years with at least one value (what yearsByIndicator answers without loading the part). */
	years: number[];
}

/** Frictionless resource descriptor (the subset we use). */
export interface ResourceDescriptor {
	name: string;
	path: string;
	format: string;
	mediatype?: string;
	encoding?: string;
	schema?: { fields: { name: string; type: string; description?: string }[] };
}

/** datapackage.json */
export interface PackageDescriptor {
	name: string;
	title: string;
	description?: string;
	version?: string;
	created: string;
	licenses: { name: string; title?: string; path?: string }[];
	sources: { title: string; path?: string }[];
	resources: ResourceDescriptor[];
	sozialraum: SozialraumMeta;
}
