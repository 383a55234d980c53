/**
 * Parse the CSV tables of a data package into typed rows.
 *
 * Conventions (docs/data-package.md): UTF-8, comma delimiter, "." as decimal point, header row,
 * empty field = null, lists pipe-separated. Parsing is strict on purpose: a municipal export that
 * slipped a decimal comma ("1,5") or a placeholder ("x", ".") into a numeric column must be reported,
 * not silently read as NaN or 0. Area keys are never converted to numbers ("0101" keeps its zero).
 *
 * Pure TS without Node APIs: the browser import wizard and the Node pipelines share it.
 */
import { csvParseRows } from 'd3';
import {
	CROSSWALK_METHODS,
	LIFE_PHASES,
	MEASURE_STATUSES,
	MEMBER_TIERS,
	MEMBER_TYPE_IDS,
	OBSERVATION_FLAGS,
	POLARITIES,
	VALUE_TYPES,
	type CrosswalkRow,
	type Indicator,
	type Measure,
	type Network,
	type NetworkMeeting,
	type NetworkMember,
	type Observation,
	type Offer,
	type PopulationRow,
	type Target
} from '../types';

/**
 * - string: text as is
 * - key: an area or indicator key, text as is (never a number: leading zeros matter)
 * - integer / number: strict decimal notation with "." (no thousands separators, no exponent)
 * - list: pipe-separated text values
 * - date: a calendar date JJJJ-MM-TT (ISO 8601)
 */
export type ColumnType = 'string' | 'key' | 'integer' | 'number' | 'list' | 'date';

/**
 * What an empty field means in this column:
 * - null: not available (typed value null)
 * - empty: the empty string / empty list is a legitimate value
 * - error: the field is mandatory
 */
export type EmptyRule = 'null' | 'empty' | 'error';

export interface ColumnSpec {
	name: string;
	type: ColumnType;
	empty: EmptyRule;
	/** Allowed values (for lists: allowed elements). */
	enum?: readonly string[];
	/** An optional column may be absent from the header; its value is then the empty value. */
	optional?: boolean;
	description_de: string;
}

export type TableName =
	| 'indicators'
	| 'observations'
	| 'population'
	| 'offers'
	| 'targets'
	| 'networks'
	| 'network_members'
	| 'network_meetings'
	| 'measures'
	| 'crosswalk';

export const AGE_GROUPS = ['0_2', '3_5', '6_9', '10_15', '16_17', '18_26', 'insgesamt'] as const;
/**
 * Scopes every package understands; besides them a target may name any level id of its package
 * (checked by the validator against `sozialraum.levels`).
 */
export const TARGET_SCOPES = ['city', 'stadtbezirk', 'sozialraum'] as const;
export const TARGET_STATUSES = ['adopted', 'draft'] as const;
/** Offers serve a life phase of the chain; "kontext" is for indicators only. */
export const OFFER_LIFE_PHASES = LIFE_PHASES.filter((p) => p !== 'kontext');

const col = (
	name: string,
	type: ColumnType,
	empty: EmptyRule,
	description_de: string,
	extra: Partial<ColumnSpec> = {}
): ColumnSpec => ({ name, type, empty, description_de, ...extra });

/** Column order and types of every table; the generator writes exactly these columns. */
export const TABLE_SCHEMAS: Record<TableName, readonly ColumnSpec[]> = {
	indicators: [
		col('id', 'key', 'error', 'Kennung des Indikators, z. B. „sgb2_u15“'),
		col('label_de', 'string', 'error', 'Bezeichnung (deutsch)'),
		col('label_en', 'string', 'empty', 'Bezeichnung (englisch)'),
		col('unit', 'string', 'empty', 'Einheit für die Anzeige, z. B. „%“ oder „je 1.000“'),
		col('multiplier', 'number', 'error', 'Wert = Zähler / Nenner × Multiplikator'),
		col('value_type', 'string', 'error', 'proportion, rate oder count', { enum: VALUE_TYPES }),
		col('polarity', 'string', 'error', 'Richtung: höher ist besser/schlechter/neutral', {
			enum: POLARITIES
		}),
		col('life_phase', 'string', 'error', 'Lebensphase der Präventionskette', { enum: LIFE_PHASES }),
		col('topic', 'string', 'empty', 'Themenfeld'),
		col('definition_de', 'string', 'empty', 'Definition (deutsch)'),
		col('definition_en', 'string', 'empty', 'Definition (englisch)'),
		col('numerator_label_de', 'string', 'empty', 'Bezeichnung des Zählers'),
		col('denominator_label_de', 'string', 'empty', 'Bezeichnung des Nenners'),
		col('source', 'string', 'empty', 'Quelle'),
		col('decimals', 'integer', 'error', 'Nachkommastellen für die Anzeige')
	],
	observations: [
		col('area_key', 'key', 'error', 'Schlüssel des Gebiets auf der feinsten Ebene (Text, führende Nullen)'),
		col('indicator_id', 'key', 'error', 'Kennung des Indikators'),
		col('year', 'integer', 'error', 'Berichtsjahr'),
		col('value', 'number', 'null', 'Wert; leer = nicht verfügbar'),
		col('numerator', 'number', 'null', 'Zähler'),
		col('denominator', 'number', 'null', 'Nenner'),
		col('flag', 'string', 'empty', 'Kennzeichen: leer, suppressed, missing, provisional, break', {
			enum: OBSERVATION_FLAGS
		})
	],
	population: [
		col('area_key', 'key', 'error', 'Schlüssel des Gebiets'),
		col('year', 'integer', 'error', 'Jahr (Stichtag 31.12.)'),
		col('age_group', 'string', 'error', 'Altersgruppe', { enum: AGE_GROUPS }),
		// empty = withheld (a published copy suppresses small age groups of tiny areas)
		col('persons', 'integer', 'null', 'Einwohnerinnen und Einwohner (Hauptwohnsitz); leer = geheim gehalten')
	],
	offers: [
		col('id', 'key', 'error', 'Kennung des Angebots'),
		col('name', 'string', 'error', 'Name des Angebots'),
		col('provider', 'string', 'empty', 'Träger'),
		col('life_phases', 'list', 'error', 'Lebensphasen, durch | getrennt', {
			enum: OFFER_LIFE_PHASES
		}),
		col('topics', 'list', 'empty', 'Themen, durch | getrennt'),
		col('area_key', 'key', 'error', 'Schlüssel des Gebiets der feinsten Ebene, in dem das Angebot liegt'),
		col('lon', 'number', 'error', 'Geografische Länge (WGS84)'),
		col('lat', 'number', 'error', 'Geografische Breite (WGS84)'),
		col('places', 'integer', 'null', 'Plätze (nur bei Angeboten mit Kapazität)'),
		col('description', 'string', 'empty', 'Kurzbeschreibung', { optional: true }),
		col('category', 'string', 'empty', 'Art des Angebots, z. B. „Kita“, „Familienzentrum“', { optional: true }),
		col('address', 'string', 'empty', 'Anschrift als Text', { optional: true }),
		col('valid_from', 'date', 'null', 'Erster Tag des Angebots (JJJJ-MM-TT); leer = seit jeher', { optional: true }),
		col('valid_to', 'date', 'null', 'Letzter Tag des Angebots (JJJJ-MM-TT); leer = besteht fort', { optional: true })
	],
	targets: [
		col('id', 'key', 'error', 'Kennung des Feinziels'),
		col('indicator_id', 'key', 'error', 'Kennung des Indikators'),
		col('scope_type', 'key', 'error', 'city (ganzes Gebiet) oder die Kennung einer Gebietsebene, z. B. sozialraum, stadtbezirk, gemeinde'),
		col('scope_keys', 'list', 'empty', 'Gebietsschlüssel, durch | getrennt (leer für die Stadt)'),
		col('baseline_year', 'integer', 'error', 'Ausgangsjahr'),
		col('baseline_value', 'number', 'error', 'Ausgangswert'),
		col('target_value', 'number', 'error', 'Zielwert'),
		col('target_year', 'integer', 'error', 'Zieljahr'),
		col('owner', 'string', 'empty', 'Verantwortlich'),
		col('decision', 'string', 'empty', 'Beschluss'),
		col('note', 'string', 'empty', 'Anmerkung', { optional: true }),
		col('status', 'string', 'error', 'adopted (beschlossen) oder draft (Entwurf)', {
			enum: TARGET_STATUSES
		})
	],
	networks: [
		col('id', 'key', 'error', 'Kennung des Netzwerks'),
		col('name', 'string', 'error', 'Name, z. B. „Starke Kinder – Starke Jugend Nord“'),
		col('level', 'key', 'error', 'Gebietsebene (Kennung aus datapackage.json), z. B. „stadtbezirk“'),
		col('area_key', 'key', 'error', 'Schlüssel des Gebiets, für das das Netzwerk besteht'),
		col('coordinator', 'string', 'empty', 'Koordinierende Stelle (Institution, keine Person)'),
		col('description', 'string', 'empty', 'Kurzbeschreibung', { optional: true })
	],
	network_members: [
		col('network_id', 'key', 'error', 'Kennung des Netzwerks'),
		col('institution', 'string', 'error', 'Mitgliedsinstitution (keine Personennamen)'),
		col('tier', 'string', 'error', 'Ebene: kreis, kommune oder operativ', { enum: MEMBER_TIERS }),
		col('type', 'string', 'error', 'Profession / Institutionstyp aus der festen Liste', { enum: MEMBER_TYPE_IDS }),
		col('type_label', 'string', 'empty', 'Freie Bezeichnung bei Typ „sonstige“', { optional: true })
	],
	network_meetings: [
		col('network_id', 'key', 'error', 'Kennung des Netzwerks'),
		col('date', 'date', 'error', 'Datum des Treffens (JJJJ-MM-TT)'),
		col('topic', 'string', 'empty', 'Thema des Treffens')
	],
	measures: [
		col('id', 'key', 'error', 'Kennung der Maßnahme'),
		col('name', 'string', 'error', 'Name der Maßnahme'),
		col('target_ids', 'list', 'error', 'Feinziele, zu denen die Maßnahme beiträgt, durch | getrennt'),
		col('offer_ids', 'list', 'empty', 'Angebote, auf die sie sich stützt, durch | getrennt'),
		col('responsible', 'string', 'error', 'Verantwortliche Stelle'),
		col('start', 'date', 'null', 'Beginn (JJJJ-MM-TT)'),
		col('end', 'date', 'null', 'Ende (JJJJ-MM-TT)', { optional: true }),
		col('status', 'string', 'error', 'planned, running, completed oder suspended', { enum: MEASURE_STATUSES }),
		col('description', 'string', 'empty', 'Kurzbeschreibung', { optional: true })
	],
	crosswalk: [
		col('level', 'key', 'error', 'Kennung der Gebietsebene'),
		col('from_version', 'key', 'error', 'Gebietsstand der alten Gebiete'),
		col('from_key', 'key', 'error', 'Schlüssel des alten Gebiets'),
		col('to_version', 'key', 'error', 'Gebietsstand der neuen Gebiete'),
		col('to_key', 'key', 'error', 'Schlüssel des neuen Gebiets'),
		col('weight', 'number', 'error', 'Anteil der Zahlen des alten Gebiets, der auf das neue entfällt (0 < w ≤ 1)'),
		col('method', 'string', 'error', 'given (von der Statistikstelle), population (nach Einwohnern) oder area (nach Fläche)', {
			enum: CROSSWALK_METHODS
		})
	]
};

/** A problem found while parsing one table. row: 1 = header, 2 = first data row. */
export interface CsvIssue {
	severity: 'error' | 'warning';
	row?: number;
	column?: string;
	/** The message without the "file, row, column" prefix. */
	message_de: string;
}

export interface ParsedTable<T> {
	/** Header as found in the file. */
	columns: string[];
	/** Rows without any error, typed. */
	rows: T[];
	/** For each entry of rows: its row number in the file (header = 1). */
	rowNumbers: number[];
	issues: CsvIssue[];
}

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** „x“ in German quotation marks, shortened so a runaway field does not flood the message. */
export function quote(value: string): string {
	const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
	return `„${short}“`;
}

/** Returns the typed value, or a German message when the text does not fit the column. */
export function parseCell(text: string, spec: ColumnSpec): { value: unknown } | { error: string } {
	if (text === '') {
		if (spec.empty === 'error') return { error: 'Pflichtfeld ist leer.' };
		if (spec.empty === 'null') return { value: null };
		return { value: spec.type === 'list' ? [] : '' };
	}
	switch (spec.type) {
		case 'integer':
			if (!INTEGER.test(text)) return { error: `${quote(text)} ist keine ganze Zahl.` };
			return { value: Number(text) };
		case 'number':
			if (!DECIMAL.test(text)) {
				const hint = /^-?\d+,\d+$/.test(text) ? ' Dezimaltrennzeichen ist der Punkt.' : '';
				return { error: `${quote(text)} ist keine Zahl.${hint}` };
			}
			return { value: Number(text) };
		case 'date':
			if (!isIsoDate(text)) return { error: `${quote(text)} ist kein Datum der Form JJJJ-MM-TT.` };
			return { value: text };
		case 'list': {
			const items = text.split('|');
			if (items.some((item) => item === '')) {
				return { error: `${quote(text)} enthält einen leeren Listeneintrag.` };
			}
			const bad = spec.enum ? items.find((item) => !spec.enum!.includes(item)) : undefined;
			if (bad !== undefined) return { error: notAllowed(bad, spec.enum!) };
			return { value: items };
		}
		default:
			if (spec.enum && !spec.enum.includes(text)) return { error: notAllowed(text, spec.enum) };
			return { value: text };
	}
}

/** A real calendar day written JJJJ-MM-TT ("2025-02-30" is not). */
export function isIsoDate(text: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function notAllowed(value: string, allowed: readonly string[]): string {
	const list = allowed.filter((a) => a !== '').join(', ');
	return `${quote(value)} ist kein zulässiger Wert (erlaubt: ${list}${allowed.includes('') ? ' oder leer' : ''}).`;
}

/**
 * Parse CSV text against a column list. Uses d3-dsv's RFC 4180 parser on rows rather than objects
 * so that duplicate header names and rows with a wrong field count can be reported.
 */
export function parseCsv<T>(text: string, specs: readonly ColumnSpec[]): ParsedTable<T> {
	const issues: CsvIssue[] = [];
	const result: ParsedTable<T> = { columns: [], rows: [], rowNumbers: [], issues };
	if (text.charCodeAt(0) === 0xfeff) {
		// Excel writes a BOM; tolerate it, but say so, since other tools then misread the first column.
		issues.push({ severity: 'warning', row: 1, message_de: 'Datei beginnt mit einem Byte-Order-Mark (BOM); bitte UTF-8 ohne BOM speichern.' });
		text = text.slice(1);
	}
	const records = csvParseRows(text);
	if (records.length === 0) {
		issues.push({ severity: 'error', row: 1, message_de: 'Datei ist leer; die Kopfzeile fehlt.' });
		return result;
	}
	const header = records[0];
	result.columns = header;
	const seen = new Set<string>();
	for (const name of header) {
		if (seen.has(name)) issues.push({ severity: 'error', row: 1, column: name, message_de: 'Spaltenname kommt mehrfach vor.' });
		seen.add(name);
	}
	const missing = specs.filter((s) => !s.optional && !header.includes(s.name));
	for (const spec of missing) {
		issues.push({ severity: 'error', row: 1, column: spec.name, message_de: 'Pflichtspalte fehlt.' });
	}
	for (const name of header) {
		if (!specs.some((s) => s.name === name)) {
			issues.push({ severity: 'warning', row: 1, column: name, message_de: 'Unbekannte Spalte wird ignoriert.' });
		}
	}
	if (missing.length > 0) return result;
	const index = specs.map((s) => header.indexOf(s.name));

	for (let r = 1; r < records.length; r++) {
		const record = records[r];
		const rowNumber = r + 1;
		if (record.length === 1 && record[0] === '') {
			issues.push({ severity: 'warning', row: rowNumber, message_de: 'Leere Zeile wird übersprungen.' });
			continue;
		}
		if (record.length !== header.length) {
			issues.push({
				severity: 'error',
				row: rowNumber,
				message_de: `Zeile hat ${record.length} Felder, die Kopfzeile ${header.length}.`
			});
			continue;
		}
		const row: Record<string, unknown> = {};
		let ok = true;
		specs.forEach((spec, i) => {
			const text = index[i] < 0 ? '' : record[index[i]];
			const parsed = parseCell(text, spec);
			if ('error' in parsed) {
				ok = false;
				issues.push({ severity: 'error', row: rowNumber, column: spec.name, message_de: parsed.error });
			} else {
				row[spec.name] = parsed.value;
			}
		});
		if (ok) {
			result.rows.push(row as T);
			result.rowNumbers.push(rowNumber);
		}
	}
	return result;
}

export const parseIndicatorsCsv = (text: string) => parseCsv<Indicator>(text, TABLE_SCHEMAS.indicators);
export const parseObservationsCsv = (text: string) =>
	parseCsv<Observation>(text, TABLE_SCHEMAS.observations);
export const parsePopulationCsv = (text: string) =>
	parseCsv<PopulationRow>(text, TABLE_SCHEMAS.population);
export const parseOffersCsv = (text: string) => parseCsv<Offer>(text, TABLE_SCHEMAS.offers);
export const parseTargetsCsv = (text: string) => parseCsv<Target>(text, TABLE_SCHEMAS.targets);
export const parseNetworksCsv = (text: string) => parseCsv<Network>(text, TABLE_SCHEMAS.networks);
export const parseNetworkMembersCsv = (text: string) => parseCsv<NetworkMember>(text, TABLE_SCHEMAS.network_members);
export const parseNetworkMeetingsCsv = (text: string) => parseCsv<NetworkMeeting>(text, TABLE_SCHEMAS.network_meetings);
export const parseMeasuresCsv = (text: string) => parseCsv<Measure>(text, TABLE_SCHEMAS.measures);
export const parseCrosswalkCsv = (text: string) => parseCsv<CrosswalkRow>(text, TABLE_SCHEMAS.crosswalk);
