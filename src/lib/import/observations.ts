/**
 * Joined records → package observations. Placeholders become flags per the user's decisions,
 * values follow from numerator and denominator where both exist (the package's own rule), and
 * impossible numbers (negative counts, a share above 100 %, two rows for one cell) are reported on
 * the SOURCE file and row, where the user can fix them, not on the generated observations.csv.
 */
import type { Observation, ObservationFlag } from '../data/types';
import { metaFor, type IndicatorMeta } from './indicator-meta';
import { EXCLUDED_ZERO, type PlaceholderAction } from './placeholders';
import type { ProblemList } from './problems';
import { MEASURES, type Measure, type TableRecord } from './records';

export interface ObservationOptions {
	actions: Record<string, PlaceholderAction>;
	/** Area keys whose zeros the user called "excluded" (placeholder "0"). */
	zeroKeys?: ReadonlySet<string>;
	/** Indicator labels already reported as lacking metadata. */
	unconfigured?: string[];
}

const fmt = (x: number) => String(Math.round(x * 1e6) / 1e6).replace('.', ',');
/** Six decimals, as the demo package writes: enough for any tolerance the validator applies. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function buildObservations(records: readonly TableRecord[], keys: readonly (string | null)[], metas: readonly IndicatorMeta[], options: ObservationOptions, problems: ProblemList): Observation[] {
	const out: Observation[] = [];
	// area+indicator → year → first row: far fewer strings than one composite key per record
	const seen = new Map<string, Map<number, TableRecord>>();
	const metaCache = new Map<string, IndicatorMeta | undefined>();
	const unknown = new Set<string>(options.unconfigured ?? []);
	for (let i = 0; i < records.length; i++) {
		const r = records[i];
		const key = keys[i];
		if (!key) continue;
		if (!metaCache.has(r.indicator)) metaCache.set(r.indicator, metaFor(r.indicator, metas));
		const meta = metaCache.get(r.indicator);
		if (!meta) {
			// said once per indicator (by the pipeline), not once per row
			if (!unknown.has(r.indicator)) problems.error(r.file, `Für den Indikator „${r.indicator}“ fehlen die Angaben (Bezeichnung, Einheit, Richtung, Lebensphase). Bitte ergänzen Sie sie im Schritt „Indikatoren“.`, { row: r.row });
			unknown.add(r.indicator);
			continue;
		}
		const cell = `${key}\u0000${meta.id}`;
		let years = seen.get(cell);
		if (!years) seen.set(cell, (years = new Map()));
		const first = years.get(r.year);
		if (first) {
			problems.error(r.file, `Gebiet „${key}“, Indikator „${meta.label_de}“, Jahr ${r.year} kommt mehrfach vor (zuerst ${first.file === r.file ? '' : `${first.file}, `}Zeile ${first.row}). Bitte entfernen Sie die doppelte Zeile oder prüfen Sie die Schlüssel.`, { row: r.row });
			continue;
		}
		years.set(r.year, r);
		const o = observation(r, key, meta, options, problems);
		if (o) out.push(o);
	}
	return out;
}

function flagFromMarks(r: TableRecord, options: ObservationOptions): { flag: ObservationFlag; zero: Measure[] } {
	let flag: ObservationFlag = '';
	const zero: Measure[] = [];
	for (const m of MEASURES) {
		const symbol = r.marks?.[m];
		if (!symbol) continue;
		const action = options.actions[symbol];
		// a "no data" mark on a delivered rate is moot when the rate follows from the counts
		if (m === 'value' && action === 'missing' && r.numerator !== null && r.denominator !== null && !r.marks?.numerator && !r.marks?.denominator) continue;
		if (action === 'zero') zero.push(m);
		else if (action === 'provisional') flag = flag || 'provisional';
		else if (action === 'suppressed') flag = 'suppressed';
		// an unconfirmed symbol is caught before building (pipeline); treat it as missing here
		else if (flag !== 'suppressed') flag = 'missing';
	}
	return { flag, zero };
}

function observation(r: TableRecord, key: string, meta: IndicatorMeta, options: ObservationOptions, problems: ProblemList): Observation | null {
	let value = r.value;
	let numerator = r.numerator;
	let denominator = r.denominator;
	let flag: ObservationFlag = '';
	if (r.marks) {
		const marks = flagFromMarks(r, options);
		flag = marks.flag;
		for (const m of marks.zero) {
			if (m === 'value') value = 0;
			else if (m === 'numerator') numerator = 0;
			else denominator = 0;
		}
	}
	if (options.zeroKeys?.has(key) && options.actions[EXCLUDED_ZERO] === 'missing') flag = 'missing';
	if (flag === 'suppressed' || flag === 'missing') return { area_key: key, indicator_id: meta.id, year: r.year, value: null, numerator: null, denominator: null, flag };
	if (numerator !== null && numerator < 0) return negative(r, 'numerator', numerator, problems);
	if (denominator !== null && denominator < 0) return negative(r, 'denominator', denominator, problems);
	if (meta.value_type === 'count') {
		numerator ??= value;
		value = numerator;
		denominator = null;
	} else if (numerator !== null && denominator !== null) {
		if (meta.value_type === 'proportion' && numerator > denominator) {
			problems.error(r.file, `Zähler ${fmt(numerator)} ist größer als der Nenner ${fmt(denominator)}; bei einem Anteil unmöglich. Bitte prüfen Sie, ob Zähler und Nenner richtig zugeordnet sind, oder wählen Sie beim Indikator den Typ „Rate“.`, { row: r.row, column: r.columns.numerator });
			return null;
		}
		const computed = denominator === 0 ? null : round6((numerator / denominator) * meta.multiplier);
		if (value !== null && computed !== null && Math.abs(value - computed) > 0.5 * 10 ** -meta.decimals + 1e-9) {
			problems.warning(r.file, `Der gelieferte Wert ${fmt(value)} passt nicht zu Zähler und Nenner (${fmt(numerator)} / ${fmt(denominator)} × ${meta.multiplier} = ${fmt(computed)}); übernommen wird der berechnete Wert. Bitte prüfen Sie Multiplikator und Zuordnung.`, { row: r.row, column: r.columns.value });
		}
		value = computed;
	} else if (value !== null && meta.value_type === 'proportion' && meta.multiplier === 100 && (value < 0 || value > 100)) {
		problems.error(r.file, `Wert ${fmt(value)} liegt nicht zwischen 0 und 100; für einen Anteil in % unmöglich. Bitte prüfen Sie Einheit und Spalte.`, { row: r.row, column: r.columns.value });
		return null;
	}
	if (value === null && numerator === null && denominator === null) flag = 'missing';
	return { area_key: key, indicator_id: meta.id, year: r.year, value, numerator, denominator, flag };
}

function negative(r: TableRecord, m: 'numerator' | 'denominator', v: number, problems: ProblemList): null {
	problems.error(r.file, `${m === 'numerator' ? 'Zähler' : 'Nenner'} ${fmt(v)} ist negativ; Anzahlen können nicht negativ sein. Bitte korrigieren Sie den Eintrag.`, { row: r.row, column: r.columns[m] });
	return null;
}
