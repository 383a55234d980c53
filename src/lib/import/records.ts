/**
 * Long table + column mapping → records: one per data row, with the area key and name as text, the
 * year, the indicator label, and value / numerator / denominator as numbers or placeholder marks.
 * Every cell that cannot be read becomes a message with file, row, column and what to do.
 */
import { cellText } from './grid';
import { keyText } from './keys';
import type { ColumnMapping, Role } from './mapping';
import { parseNumberCell, type DecimalMark } from './numbers';
import type { ProblemList } from './problems';
import type { LongTable } from './reshape';

export type Measure = 'value' | 'numerator' | 'denominator';
export const MEASURES: readonly Measure[] = ['value', 'numerator', 'denominator'];

export interface TableRecord {
	file: string;
	row: number;
	key: string;
	name: string;
	year: number;
	/** Indicator label as in the table (or the table's fixed indicator). */
	indicator: string;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	/** Residents of the area in that year (the „Einwohner insgesamt“ column), when mapped. */
	population?: number;
	/** Placeholder symbol or "(n)" (bracketed number) per measure, only where one occurred. */
	marks?: Partial<Record<Measure, string>>;
	/** Source column per measure, for messages. */
	columns: Partial<Record<Measure, string>>;
}

export interface RecordOptions {
	decimal: DecimalMark;
	/** Year for every row when the table has no year column. */
	fixedYear?: number;
	/** Indicator for every row when the table has no indicator column. */
	fixedIndicator?: string;
}

export const BRACKETED = '(n)';

export function tableRecords(table: LongTable, mapping: ColumnMapping, options: RecordOptions, problems: ProblemList): TableRecord[] {
	const idx = (role: Role) => (mapping[role] ? table.columns.indexOf(mapping[role]!) : -1);
	const col = { key: idx('key'), name: idx('name'), year: idx('year'), indicator: idx('indicator') };
	const measureIdx: Record<Measure, number> = { value: idx('value'), numerator: idx('numerator'), denominator: idx('denominator') };
	const file = table.file;
	if (col.key < 0 && col.name < 0) {
		problems.error(file, 'Weder Gebietsschlüssel noch Gebietsname ist zugeordnet. Bitte ordnen Sie mindestens eine der beiden Spalten zu.');
		return [];
	}
	const populationIdx = idx('population');
	// a table of residents only: no indicator, its rows feed population.csv
	const populationOnly = populationIdx >= 0 && MEASURES.every((m) => measureIdx[m] < 0);
	if (MEASURES.every((m) => measureIdx[m] < 0) && !populationOnly) {
		problems.error(file, 'Keine Spalte mit Zahlen ist zugeordnet. Bitte ordnen Sie Wert, Zähler, Nenner oder Einwohner zu.');
		return [];
	}
	if (col.year < 0 && options.fixedYear === undefined) {
		problems.error(file, 'Die Tabelle hat keine Jahresspalte. Bitte ordnen Sie eine zu oder geben Sie das Jahr für die ganze Tabelle an.');
		return [];
	}
	if (col.indicator < 0 && !options.fixedIndicator && !populationOnly) {
		problems.error(file, 'Die Tabelle hat keine Indikatorspalte. Bitte ordnen Sie eine zu oder geben Sie den Indikator für die ganze Tabelle an.');
		return [];
	}
	const out: TableRecord[] = [];
	// records share one column-name object per source layout (per year in wide tables)
	const columnSets = new Map<string, Partial<Record<Measure, string>>>();
	const columnSet = (src: string[] | undefined) => {
		const names = MEASURES.map((m) => (measureIdx[m] < 0 ? '' : (src?.[measureIdx[m]] ?? table.columns[measureIdx[m]])));
		const id = names.join('\u0000');
		let set = columnSets.get(id);
		if (!set) {
			set = {};
			MEASURES.forEach((m, k) => names[k] && (set![m] = names[k]));
			columnSets.set(id, set);
		}
		return set;
	};
	const plainColumns = columnSet(undefined);
	for (const r of table.rows) {
		const colName = (i: number) => r.src?.[i] ?? table.columns[i];
		const columns = r.src ? columnSet(r.src) : plainColumns;
		let year = options.fixedYear ?? NaN;
		if (col.year >= 0) {
			const y = parseYear(cellText(r.cells[col.year]));
			if (y === null) {
				problems.error(file, `${quoteCell(cellText(r.cells[col.year]))} ist kein Jahr. Bitte geben Sie das Berichtsjahr vierstellig an (z. B. 2023).`, { row: r.row, column: colName(col.year) });
				continue;
			}
			year = y;
		}
		const rec: TableRecord = {
			file,
			row: r.row,
			key: col.key >= 0 ? keyText(r.cells[col.key]) : '',
			name: col.name >= 0 ? cellText(r.cells[col.name]) : '',
			year,
			indicator: populationOnly ? '' : col.indicator >= 0 ? cellText(r.cells[col.indicator]) : options.fixedIndicator!,
			value: null,
			numerator: null,
			denominator: null,
			columns
		};
		if (!rec.indicator && !populationOnly) {
			problems.error(file, 'Die Indikatorspalte ist leer. Bitte ergänzen Sie den Indikator.', { row: r.row, column: colName(col.indicator) });
			continue;
		}
		let ok = true;
		for (const m of MEASURES) {
			const i = measureIdx[m];
			if (i < 0) continue;
			const parsed = parseNumberCell(r.cells[i] ?? '', options.decimal);
			if (parsed.kind === 'number' || parsed.kind === 'bracketed') {
				let v = parsed.value;
				if (m !== 'value') {
					if (Math.abs(v - Math.round(v)) < 1e-9) v = Math.round(v);
					else {
						problems.error(file, `${quoteCell(cellText(r.cells[i]))} ist keine ganze Zahl. Bitte prüfen Sie, ob die Spalte Anzahlen enthält; Quoten und Anteile ordnen Sie bitte als „Wert“ zu.`, { row: r.row, column: colName(i) });
						ok = false;
						continue;
					}
				}
				rec[m] = v;
				if (parsed.kind === 'bracketed') (rec.marks ??= {})[m] = BRACKETED;
			} else if (parsed.kind === 'placeholder') (rec.marks ??= {})[m] = parsed.symbol;
			else if (parsed.kind === 'invalid') {
				problems.error(file, `${parsed.message} Bitte korrigieren Sie den Eintrag in der Datei.`, { row: r.row, column: colName(i) });
				ok = false;
			}
		}
		if (populationIdx >= 0) {
			const parsed = parseNumberCell(r.cells[populationIdx] ?? '', options.decimal);
			if (parsed.kind === 'number' && Number.isInteger(parsed.value) && parsed.value >= 0) rec.population = parsed.value;
			else if (parsed.kind !== 'empty' && parsed.kind !== 'placeholder') {
				problems.error(file, `${quoteCell(cellText(r.cells[populationIdx]))} ist keine Einwohnerzahl (eine ganze Zahl ≥ 0). Bitte korrigieren Sie den Eintrag.`, { row: r.row, column: colName(populationIdx) });
				ok = false;
			}
		}
		if (ok) out.push(rec);
	}
	return out;
}

/** "2023", 2023, "2023.0", or a reference date "31.12.2023" / "2023-12-31". */
export function parseYear(text: string): number | null {
	const t = text.trim();
	const m = /^(\d{4})(\.0+)?$/.exec(t) ?? /^\d{1,2}\.\d{1,2}\.(\d{4})$/.exec(t) ?? /^(\d{4})-\d{2}-\d{2}$/.exec(t);
	if (!m) return null;
	const y = Number(m[1]);
	return y >= 1900 && y <= 2100 ? y : null;
}

const quoteCell = (s: string) => `„${s.length > 40 ? s.slice(0, 40) + '…' : s}“`;
