/**
 * Disclosure control applied to a whole validated data package: which observation and population
 * cells must be withheld, and the public versions of the two tables that carry them.
 *
 * Pure TypeScript without Node APIs (publish.ts and scan.ts do the file work), so the app could one
 * day offer "öffentliche Fassung exportieren" with the same code.
 */
import { csvFormatRows, csvParseRows } from 'd3';
import type { PackageData } from '../../src/lib/data/package/model';
import type { DisclosureSettings } from '../../src/lib/data/types';
import {
	TERRITORY_KEY,
	cellKey,
	disclosureSettings,
	isPrimarySensitive,
	type DisclosureResult,
	type SuppressionReason
} from '../../src/lib/stats/disclosure';
import { buildGeography, type Geography } from '../../src/lib/data/geography';
import { suppressAcrossVersions, type GeoCell } from '../../src/lib/data/disclosure-geo';
import { levelWords, scopeLevelIndex } from '../../src/lib/data/levels';

/** One withheld cell of the internal package: an observation or a population count. */
export type WithheldCell =
	| { kind: 'observation'; area_key: string; indicator_id: string; year: number; reason: SuppressionReason }
	| { kind: 'population'; area_key: string; age_group: string; year: number; reason: SuppressionReason };

export interface PackageDisclosure {
	settings: DisclosureSettings;
	/** "Stadtbezirke, Musterstadt insgesamt": the totals that are margins, in words. */
	totalsLabel: string;
	observations: DisclosureResult;
	/** Population per age group, protected like an indicator: numerator = persons, no denominator. */
	population: DisclosureResult;
	/** Withheld population rows above the finest level (a delivered Stadtbezirk row is a published total). */
	populationTotalsWithheld: Set<string>;
	/** Everything withheld, in a stable order (observations first). */
	withheld: WithheldCell[];
	/** German warnings about places the tables cannot protect (e.g. target baselines). */
	warnings: string[];
}

/** Every level and boundary version of a validated package as relations (geography.ts). */
export function packageGeography(data: PackageData): Geography {
	return buildGeography(data.descriptor.sozialraum.levels, (level, version) =>
		((version.id === '' ? data.areas[level.id] : data.areaVersions[level.id]?.[version.id])?.features ?? []).map((f) => f.properties)
	);
}

/** The finest-level keys valid in each year (any version): a cell outside them cannot be checked. */
function finestKeys(geo: Geography): Set<string> {
	return new Set(geo.areas.filter((a) => a.level_rank === 0).map((a) => a.key));
}

/**
 * Apply computeSuppression to the observations and the population of a validated package.
 * Counts without a numerator carry their count in `value`; that is what is protected then.
 */
export function disclosePackage(data: PackageData): PackageDisclosure {
	const settings = disclosureSettings(data.descriptor.sozialraum.disclosure);
	const geo = packageGeography(data);
	const finest = finestKeys(geo);
	const check = (key: string) => {
		if (!finest.has(key)) throw new Error(`Gebiet „${key}“ gibt es auf der feinsten Ebene nicht; die Geheimhaltung kann nicht geprüft werden.`);
		return key;
	};
	const valueType = new Map(data.indicators.map((i) => [i.id, i.value_type]));
	const observationCells: GeoCell[] = data.observations.map((o) => ({
		area_key: check(o.area_key),
		indicator_id: o.indicator_id,
		year: o.year,
		numerator: o.numerator ?? (valueType.get(o.indicator_id) === 'count' ? o.value : null),
		denominator: o.denominator,
		flag: o.flag
	}));
	const observations = suppressAcrossVersions(observationCells, geo, settings);

	const populationCells: GeoCell[] = data.population
		.filter((p) => finest.has(p.area_key))
		.map((p) => ({
			area_key: p.area_key,
			indicator_id: p.age_group,
			year: p.year,
			numerator: p.persons,
			denominator: null,
			flag: ''
		}));
	const population = suppressAcrossVersions(populationCells, geo, settings);
	const hiddenTotals = new Set(population.totals.filter((t) => t.suppressed).map((t) => cellKey(t.area_key, t.indicator_id, t.year)));
	const populationTotalsWithheld = new Set<string>();
	for (const p of data.population) {
		if (finest.has(p.area_key)) continue;
		const id = cellKey(p.area_key, p.age_group, p.year);
		if (hiddenTotals.has(id) || isPrimarySensitive(p.persons, null, '', settings)) populationTotalsWithheld.add(id);
	}

	const withheld: WithheldCell[] = [
		...observations.cells
			.filter((c) => c.suppressed)
			.map((c): WithheldCell => ({ kind: 'observation', area_key: c.area_key, indicator_id: c.indicator_id, year: c.year, reason: c.reason! })),
		...population.cells
			.filter((c) => c.suppressed)
			.map((c): WithheldCell => ({ kind: 'population', area_key: c.area_key, age_group: c.indicator_id, year: c.year, reason: c.reason! })),
		...data.population
			.filter((p) => populationTotalsWithheld.has(cellKey(p.area_key, p.age_group, p.year)))
			.map((p): WithheldCell => ({
				kind: 'population',
				area_key: p.area_key,
				age_group: p.age_group,
				year: p.year,
				reason: isPrimarySensitive(p.persons, null, '', settings) ? 'primary' : 'secondary'
			}))
	];
	return { settings, totalsLabel: totalsLabel(data, geo), observations, population, populationTotalsWithheld, withheld, warnings: targetWarnings(data, observations) };
}

/** The levels whose totals are margins (plural labels; a one-area top level is the territory). */
function totalsLabel(data: PackageData, geo: Geography): string {
	const levels = data.descriptor.sozialraum.levels;
	const top = levels[levels.length - 1];
	const single = levels.length > 1 && new Set(geo.areas.filter((a) => a.level === top.id).map((a) => a.key)).size === 1;
	const words = levels.slice(1, single ? -1 : undefined).map((l) => levelWords(l, 'de').many);
	return [...words, `${data.descriptor.sozialraum.territory_de} insgesamt`].join(', ');
}

/**
 * A Feinziel's baseline value is the indicator value of its area in the baseline year. When that
 * cell (or the Stadtbezirk / city total) is withheld, targets.csv would still show it: say so, the
 * steering group decides whether the target text may be published.
 */
function targetWarnings(data: PackageData, observations: DisclosureResult): string[] {
	const hiddenCells = new Set(observations.cells.filter((c) => c.suppressed).map((c) => cellKey(c.area_key, c.indicator_id, c.year)));
	const hiddenTotals = new Set(observations.totals.filter((c) => c.suppressed).map((c) => cellKey(c.area_key, c.indicator_id, c.year)));
	const warnings: string[] = [];
	const levelIds = data.descriptor.sozialraum.levels.map((l) => l.id);
	for (const t of data.targets) {
		const keys = t.scope_type === 'city' ? [TERRITORY_KEY] : t.scope_keys;
		const finestScope = t.scope_type !== 'city' && scopeLevelIndex(t.scope_type, levelIds) === 0;
		const hidden = keys.filter((k) =>
			finestScope ? hiddenCells.has(cellKey(k, t.indicator_id, t.baseline_year)) : hiddenTotals.has(cellKey(k, t.indicator_id, t.baseline_year))
		);
		if (hidden.length === 0) continue;
		const where = t.scope_type === 'city' ? 'die Stadt' : hidden.map((k) => `„${k}“`).join(', ');
		warnings.push(
			`Feinziel „${t.id}“: Der Ausgangswert ${t.baseline_year} für ${where} ist geheim zu halten, steht aber in targets.csv. Bitte prüfen, ob das Feinziel so veröffentlicht werden darf.`
		);
	}
	return warnings;
}

// ------------------------------------------------------------------------------------------------
// Public versions of the CSV tables. Only the withheld fields change; the file keeps its header,
// row order, line ending and final newline, so a diff against the internal file shows exactly the
// withheld cells.

interface CsvLayout {
	bom: boolean;
	eol: string;
	finalNewline: boolean;
}

function layoutOf(text: string): CsvLayout {
	return {
		bom: text.charCodeAt(0) === 0xfeff,
		eol: /\r\n/.test(text) ? '\r\n' : '\n',
		finalNewline: /\r?\n$/.test(text)
	};
}

function rewriteCsv(text: string, edit: (row: string[], col: (name: string) => number) => boolean): { text: string; changed: number } {
	const layout = layoutOf(text);
	const rows = csvParseRows(layout.bom ? text.slice(1) : text);
	const header = rows[0] ?? [];
	const col = (name: string) => {
		const i = header.indexOf(name);
		if (i < 0) throw new Error(`Spalte „${name}“ fehlt.`);
		return i;
	};
	let changed = 0;
	for (let r = 1; r < rows.length; r++) {
		if (rows[r].length === 1 && rows[r][0] === '') continue;
		if (edit(rows[r], col)) changed++;
	}
	if (changed === 0) return { text, changed };
	// Row by row, so a newline inside a quoted field is not mistaken for a line ending.
	const body = rows.map((row) => csvFormatRows([row])).join(layout.eol);
	return { text: (layout.bom ? '\uFEFF' : '') + body + (layout.finalNewline ? layout.eol : ''), changed };
}

/** observations.csv with value, numerator and denominator emptied and flag 'suppressed' for every withheld cell. */
export function publicObservationsCsv(text: string, disclosure: PackageDisclosure): { text: string; changed: number } {
	const hidden = new Set(disclosure.observations.cells.filter((c) => c.suppressed).map((c) => cellKey(c.area_key, c.indicator_id, c.year)));
	return rewriteCsv(text, (row, col) => {
		if (!hidden.has(cellKey(row[col('area_key')], row[col('indicator_id')], Number(row[col('year')])))) return false;
		for (const name of ['value', 'numerator', 'denominator']) row[col(name)] = '';
		row[col('flag')] = 'suppressed';
		return true;
	});
}

/** population.csv with `persons` emptied for every withheld count (small, or needed to protect one). */
export function publicPopulationCsv(text: string, disclosure: PackageDisclosure): { text: string; changed: number } {
	const hidden = new Set(disclosure.population.cells.filter((c) => c.suppressed).map((c) => cellKey(c.area_key, c.indicator_id, c.year)));
	for (const id of disclosure.populationTotalsWithheld) hidden.add(id);
	return rewriteCsv(text, (row, col) => {
		if (!hidden.has(cellKey(row[col('area_key')], row[col('age_group')], Number(row[col('year')])))) return false;
		row[col('persons')] = '';
		return true;
	});
}

const de = new Intl.NumberFormat('de-DE');

/** German notes for the resource descriptions of the public copy. */
export function disclosureNotes(disclosure: PackageDisclosure, changed: { observations: number; population: number }): { observations: string; population: string | null } {
	const { minNumerator, minDenominator } = disclosure.settings;
	const rule = `Zähler unter ${de.format(minNumerator)}${minDenominator > 0 ? ` oder Nenner unter ${de.format(minDenominator)}` : ''}`;
	const o = disclosure.observations.summary;
	const observations =
		`Geheimhaltung: In dieser öffentlichen Fassung sind ${de.format(changed.observations)} Werte unterdrückt ` +
		`(${de.format(o.primary)} wegen kleiner Fallzahlen, ${rule}; ${de.format(o.secondary)} weitere, damit sie nicht aus ` +
		`den Summen (${disclosure.totalsLabel}) errechnet werden können). Wert, Zähler und Nenner sind dort leer, das Kennzeichen ist „suppressed“.`;
	const population =
		changed.population === 0
			? null
			: `Geheimhaltung: In dieser öffentlichen Fassung sind ${de.format(changed.population)} Personenzahlen leer ` +
				`(Altersgruppen mit ${minNumerator - 1 === 1 ? 'genau 1 Person' : `1 bis ${de.format(Math.ceil(minNumerator) - 1)} Personen`} ` +
				`sowie Zahlen, aus denen sie sich errechnen ließen).`;
	return { observations, population };
}
