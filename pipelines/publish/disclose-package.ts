/**
 * Disclosure control applied to a whole validated data package: which observation and population
 * cells must be withheld, and the public versions of the two tables that carry them.
 *
 * Pure TypeScript without Node APIs (publish.ts and scan.ts do the file work), so the app could one
 * day offer "öffentliche Fassung exportieren" with the same code.
 */
import { csvFormatRows, csvParseRows } from 'd3';
import type { PackageData } from '../../src/lib/data/package/model';
import { areaPeriods, periodIn, versionsOf, type AreaPeriod } from '../../src/lib/data/package/versions';
import type { DisclosureSettings } from '../../src/lib/data/types';
import {
	TERRITORY_KEY,
	cellKey,
	computeSuppression,
	disclosureSettings,
	isPrimarySensitive,
	type DisclosureCell,
	type DisclosureResult,
	type SuppressionReason
} from '../../src/lib/stats/disclosure';

/** One withheld cell of the internal package: an observation or a population count. */
export type WithheldCell =
	| { kind: 'observation'; area_key: string; indicator_id: string; year: number; reason: SuppressionReason }
	| { kind: 'population'; area_key: string; age_group: string; year: number; reason: SuppressionReason };

export interface PackageDisclosure {
	settings: DisclosureSettings;
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

/**
 * Parent of every area of every level ("" at the top) and the finest level's keys, for each stretch
 * of years with the same boundary versions (one stretch without versions).
 */
function areaStructure(data: PackageData): AreaPeriod[] {
	const levels = data.descriptor.sozialraum.levels;
	const byPath = new Map<string, { key: string; parent: string }[]>();
	for (const l of levels) {
		const collections = data.versions[l.id] ?? {};
		for (const v of versionsOf(l)) {
			const fc = (v.id !== null ? collections[v.id] : undefined) ?? data.areas[l.id];
			byPath.set(v.path, (fc?.features ?? []).map((f) => ({ key: f.properties.key, parent: f.properties.parent ?? '' })));
		}
	}
	return areaPeriods(levels, (path) => byPath.get(path) ?? []);
}

/**
 * Apply computeSuppression to the observations and the population of a validated package.
 * Counts without a numerator carry their count in `value`; that is what is protected then.
 */
export function disclosePackage(data: PackageData): PackageDisclosure {
	const settings = disclosureSettings(data.descriptor.sozialraum.disclosure);
	const periods = areaStructure(data);
	const period = (year: number) => {
		const p = periodIn(periods, year);
		if (!p) throw new Error(`Für das Jahr ${year} gilt kein Gebietsstand; die Geheimhaltung kann nicht geprüft werden.`);
		return p;
	};
	const hierarchy = (year: number) => period(year).parents;
	const isFinest = (key: string, year: number) => periodIn(periods, year)?.finest.has(key) === true;
	const parentOf = (key: string, year: number) => {
		const parent = period(year).finest.get(key);
		if (parent === undefined) {
			throw new Error(`Gebiet „${key}“ gibt es auf der feinsten Ebene (${year}) nicht; die Geheimhaltung kann nicht geprüft werden.`);
		}
		return parent;
	};
	const valueType = new Map(data.indicators.map((i) => [i.id, i.value_type]));
	const observationCells: DisclosureCell[] = data.observations.map((o) => ({
		area_key: o.area_key,
		parent: parentOf(o.area_key, o.year),
		indicator_id: o.indicator_id,
		year: o.year,
		numerator: o.numerator ?? (valueType.get(o.indicator_id) === 'count' ? o.value : null),
		denominator: o.denominator,
		flag: o.flag
	}));
	const observations = computeSuppression(observationCells, hierarchy, settings);

	const populationCells: DisclosureCell[] = data.population
		.filter((p) => isFinest(p.area_key, p.year))
		.map((p) => ({
			area_key: p.area_key,
			parent: parentOf(p.area_key, p.year),
			indicator_id: p.age_group,
			year: p.year,
			numerator: p.persons,
			denominator: null,
			flag: ''
		}));
	const population = computeSuppression(populationCells, hierarchy, settings);
	const hiddenTotals = new Set(population.totals.filter((t) => t.suppressed).map((t) => cellKey(t.area_key, t.indicator_id, t.year)));
	const populationTotalsWithheld = new Set<string>();
	for (const p of data.population) {
		if (isFinest(p.area_key, p.year)) continue;
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
	return { settings, observations, population, populationTotalsWithheld, withheld, warnings: targetWarnings(data, observations) };
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
	for (const t of data.targets) {
		const keys = t.scope_type === 'city' ? [TERRITORY_KEY] : t.scope_keys;
		const hidden = keys.filter((k) =>
			t.scope_type === 'sozialraum' ? hiddenCells.has(cellKey(k, t.indicator_id, t.baseline_year)) : hiddenTotals.has(cellKey(k, t.indicator_id, t.baseline_year))
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
		`Summen der Stadtbezirke oder der Stadt errechnet werden können). Wert, Zähler und Nenner sind dort leer, das Kennzeichen ist „suppressed“.`;
	const population =
		changed.population === 0
			? null
			: `Geheimhaltung: In dieser öffentlichen Fassung sind ${de.format(changed.population)} Personenzahlen leer ` +
				`(Altersgruppen mit ${minNumerator - 1 === 1 ? 'genau 1 Person' : `1 bis ${de.format(Math.ceil(minNumerator) - 1)} Personen`} ` +
				`sowie Zahlen, aus denen sie sich errechnen ließen).`;
	return { observations, population };
}
