/**
 * What the placeholders of a table mean is the user's call, because offices differ: Destatis writes
 * "-" for "nothing, exactly zero", many municipal tables write it for "no data". So placeholders
 * are collected with where they occur, a suggestion is offered, and nothing is built until every
 * symbol found has a confirmed action. Zeros that look like "area excluded" (an area with 0 in every
 * cell of the table) are reported the same way under the symbol "0".
 */
import { BRACKETED, MEASURES, type TableRecord } from './records';
import { RowSet } from './row-list';

export type PlaceholderAction = 'missing' | 'suppressed' | 'zero' | 'provisional';
export const EXCLUDED_ZERO = '0';

export interface PlaceholderFinding {
	symbol: string;
	count: number;
	/** First occurrences: "datei.csv, Zeile 14, Spalte „2021“". */
	examples: string[];
	suggestion: PlaceholderAction;
	/** Actions that make sense for this symbol. */
	options: PlaceholderAction[];
	/** German explanation of the usual meaning. */
	meaning_de: string;
}

const MEANING: Record<string, [PlaceholderAction, string]> = {
	'.': ['suppressed', 'In amtlichen Tabellen: Zahlenwert unbekannt oder geheim zu halten.'],
	'-': ['missing', 'Bei Destatis „nichts vorhanden“ (genau null); in vielen kommunalen Tabellen „keine Angabe“. Bitte prüfen Sie, was Ihre Quelle meint.'],
	x: ['missing', 'Tabellenfach gesperrt, weil die Aussage nicht sinnvoll ist.'],
	'…': ['missing', 'Angabe fällt später an.'],
	'/': ['missing', 'Keine Angabe, da der Zahlenwert nicht sicher genug ist.'],
	'()': ['suppressed', 'Aussagewert eingeschränkt oder geheim gehalten.'],
	'*': ['suppressed', 'Von der Quelle geheim gehalten (z. B. Statistik der Bundesagentur für Arbeit).'],
	[BRACKETED]: ['provisional', 'Zahl in Klammern: Aussagewert eingeschränkt (z. B. kleine Fallzahl).'],
	[EXCLUDED_ZERO]: ['missing', 'Das Gebiet hat in allen Zellen der Tabelle 0: vermutlich ein ausgeschlossenes Gebiet (z. B. Gewerbe- oder Waldgebiet ohne Einwohner), keine echte Null.']
};

function optionsFor(symbol: string): PlaceholderAction[] {
	if (symbol === BRACKETED) return ['provisional', 'missing', 'suppressed'];
	if (symbol === EXCLUDED_ZERO) return ['missing', 'zero'];
	return ['missing', 'suppressed', 'zero'];
}

/** Keys of areas whose every number in the table is 0 (and that have at least one number). */
export function allZeroKeys(records: readonly TableRecord[], keys: readonly (string | null)[]): Set<string> {
	const state = new Map<string, boolean>();
	for (let i = 0; i < records.length; i++) {
		const r = records[i];
		const k = keys[i];
		if (!k) continue;
		const nums = MEASURES.map((m) => r[m]).filter((v): v is number => v !== null);
		const zero = nums.length > 0 && nums.every((v) => v === 0);
		state.set(k, (state.get(k) ?? true) && zero && !r.marks);
	}
	return new Set([...state].filter(([, z]) => z).map(([k]) => k));
}

/** `keys`: the area key each record was joined to (null = not joined). */
export function findPlaceholders(records: readonly TableRecord[], zeroKeys: ReadonlySet<string> = new Set(), keys: readonly (string | null)[] = records.map((r) => r.key)): PlaceholderFinding[] {
	const found = new Map<string, PlaceholderFinding>();
	// a wide table row holds one record per year: an excluded area's row counts (and shows) once
	const zeroRows = new RowSet();
	const note = (symbol: string, where: string) => {
		let f = found.get(symbol);
		if (!f) {
			const [suggestion, meaning_de] = MEANING[symbol] ?? ['missing', 'Platzhalter ohne festgelegte Bedeutung.'];
			f = { symbol, count: 0, examples: [], suggestion, options: optionsFor(symbol), meaning_de };
			found.set(symbol, f);
		}
		f.count++;
		if (f.examples.length < 3) f.examples.push(where);
	};
	for (let i = 0; i < records.length; i++) {
		const r = records[i];
		if (r.marks) {
			for (const m of MEASURES) {
				const s = r.marks[m];
				if (s) note(s, `${r.file}, Zeile ${r.row}, Spalte „${r.columns[m]}“`);
			}
		}
		if (zeroKeys.has(keys[i] ?? '')) {
			const before = zeroRows.size;
			zeroRows.add(r.file, r.row);
			if (zeroRows.size > before) note(EXCLUDED_ZERO, `${r.file}, Zeile ${r.row} (Gebiet „${r.key || r.name}“)`);
		}
	}
	return [...found.values()];
}

export const ACTION_LABELS_DE: Record<PlaceholderAction, string> = {
	missing: 'fehlend',
	suppressed: 'geheim gehalten',
	zero: 'echte 0',
	provisional: 'Wert übernehmen, als vorläufig kennzeichnen'
};

/** How a symbol is named in sentences. */
export function symbolLabel(symbol: string): string {
	if (symbol === BRACKETED) return 'Zahlen in Klammern, z. B. „(12)“';
	if (symbol === EXCLUDED_ZERO) return 'Nullen ausgeschlossener Gebiete';
	return `der Platzhalter „${symbol}“`;
}

const times = (n: number) => (n === 1 ? 'einmal' : `${n}-mal`);

/** The German question a finding poses until the user answers it. */
export function placeholderQuestion(p: PlaceholderFinding): string {
	const options = p.options.map((o) => `„${ACTION_LABELS_DE[o]}“`);
	const choice = `${options.slice(0, -1).join(', ')} oder ${options.at(-1)}`;
	const what = p.symbol === EXCLUDED_ZERO ? `Nur Nullen: ${p.count} Zeilen (z. B. ${p.examples[0]}).` : `${capital(symbolLabel(p.symbol))} kommt ${times(p.count)} vor (z. B. ${p.examples[0]}).`;
	return `${what} ${p.meaning_de} Bitte legen Sie fest, was gemeint ist: ${choice}.`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
