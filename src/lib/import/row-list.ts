/**
 * Row numbers in messages. One table row can feed several records (a wide table gives one per
 * year column, a row with two indicators one per indicator), so rows are collected per file as
 * sets and written once each, sorted, with runs shortened: "Zeilen 4–8, 12 und 15".
 */

/** Rows per file, each row once. */
export class RowSet {
	readonly #byFile = new Map<string, Set<number>>();

	add(file: string, row: number): void {
		let rows = this.#byFile.get(file);
		if (!rows) this.#byFile.set(file, (rows = new Set()));
		rows.add(row);
	}

	get size(): number {
		let n = 0;
		for (const rows of this.#byFile.values()) n += rows.size;
		return n;
	}

	/** Files in order of first appearance, rows ascending. */
	places(): RowPlace[] {
		return [...this.#byFile].map(([file, rows]) => ({ file, rows: [...rows].sort((a, b) => a - b) }));
	}
}

export interface RowPlace {
	file: string;
	/** Ascending, without repeats. */
	rows: number[];
}

/** Consecutive rows as ranges: [4,5,6,7,8,12] → ["4–8", "12"]. Two in a row stay single ("4, 5"). */
function runs(rows: readonly number[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < rows.length; ) {
		let j = i;
		while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
		if (j - i >= 2) out.push(`${rows[i]}–${rows[j]}`);
		else for (let k = i; k <= j; k++) out.push(String(rows[k]));
		i = j + 1;
	}
	return out;
}

/**
 * "Zeile 7", "Zeilen 4–8, 12 und 15", or for long lists "Zeilen 4–8, 12, 15, 19, 23, 31 … (40 Zeilen)".
 * `rows` must be ascending without repeats (as RowSet gives them).
 */
export function rowsText(rows: readonly number[], max = 6): string {
	if (rows.length === 1) return `Zeile ${rows[0]}`;
	const parts = runs(rows);
	if (parts.length > max) return `Zeilen ${parts.slice(0, max).join(', ')} … (${rows.length} Zeilen)`;
	return `Zeilen ${andList(parts)}`;
}

/** Several files: "a.csv, Zeilen 3 und 9; b.csv, Zeile 2". One file: just the rows. */
export function placesText(places: readonly RowPlace[]): string {
	if (places.length === 1) return rowsText(places[0].rows);
	return places.map((p) => `${p.file}, ${rowsText(p.rows)}`).join('; ');
}

/** „a“, „a und b“, „a, b und c“. */
export const andList = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} und ${xs.at(-1)}`);
