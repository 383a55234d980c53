/**
 * A table as the exports see it: typed cells (numbers stay numbers, so a spreadsheet can calculate
 * with them), column labels and decimals, plus the facts that must travel with the numbers
 * (source, Datenstand) for the XLSX info sheet.
 */

/** A number, a text, or empty. Suppressed values arrive as the text "•", never as a number. */
export type CellValue = string | number | null;

export interface ExportColumn {
	label: string;
	/** Decimals for number cells of this column (CSV text and XLSX number format). */
	decimals?: number;
}

export interface ExportTable {
	/** Sheet name and the start of the file name. */
	name: string;
	columns: ExportColumn[];
	rows: CellValue[][];
	/** Label/value pairs for the XLSX info sheet: title, source, Datenstand, disclosure note. */
	meta: [string, string][];
}

/** Shown for a suppressed value (Geheimhaltung): never the number, never 0. */
export const SUPPRESSED_MARK = '•';
