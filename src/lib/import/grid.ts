/**
 * The common shape every table reader produces: rows of cells as the file shows them. CSV cells are
 * text; spreadsheet cells may be numbers (kept as numbers, so "1.5" typed in Excel is never confused
 * with the German "1.5" meaning fifteen hundred… or one and a half). '' is an empty cell.
 */
export type Cell = string | number;
export type Grid = Cell[][];

export const isEmptyCell = (c: Cell | undefined): boolean => c === undefined || (typeof c === 'string' && c.trim() === '');

/** Cell as display text (numbers in plain JS notation). */
export const cellText = (c: Cell | undefined): string => (c === undefined ? '' : typeof c === 'number' ? String(c) : c.trim());

/** A merged cell range (SheetJS `!merges`), 0-based, inclusive. */
export interface Merge {
	s: { r: number; c: number };
	e: { r: number; c: number };
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
	let s = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}
