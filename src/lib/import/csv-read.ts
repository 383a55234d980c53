/**
 * Delimited text (CSV as statistics offices export it) → a grid of text cells.
 *
 * d3-dsv parses a whole string at once; here the text arrives in decoded chunks (decode.ts) and a
 * 50 MB export must be parsed in a worker with a progress bar, so this is a small incremental
 * RFC 4180 parser: quoted fields may hold the delimiter, line breaks and doubled quotes; CRLF, LF
 * and lone CR all end a record. Cells stay text: numbers and placeholders are interpreted later,
 * with the column known (numbers.ts).
 */
import { decodeChunks, type DecodeResult, type EncodingChoice } from './decode';
import type { Grid } from './grid';

export type Delimiter = ';' | ',' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [';', ',', '\t', '|'];
export const DELIMITER_NAMES_DE: Record<Delimiter, string> = { ';': 'Semikolon', ',': 'Komma', '\t': 'Tabulator', '|': 'senkrechter Strich' };

/**
 * The delimiter whose per-line count is most consistent over the first lines (outside quotes).
 * German Excel writes ";" because "," is the decimal mark, so ";" wins ties.
 */
export function detectDelimiter(sample: string): Delimiter {
	const lines = sample.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 30);
	let best: Delimiter = ';';
	let bestScore = 0;
	for (const d of DELIMITERS) {
		const counts = lines.map((l) => countOutsideQuotes(l, d));
		const freq = new Map<number, number>();
		for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
		// score: how many lines share the most common non-zero count, weighted by that count a little
		let score = 0;
		for (const [count, lines] of freq) score = Math.max(score, lines + Math.min(count, 20) / 100);
		if (score > bestScore) [best, bestScore] = [d, score];
	}
	return best;
}

function countOutsideQuotes(line: string, d: string): number {
	let n = 0;
	let quoted = false;
	for (const ch of line) {
		if (ch === '"') quoted = !quoted;
		else if (ch === d && !quoted) n++;
	}
	return n;
}

/** Incremental parser: push() text pieces in order, then end(). */
export class DsvParser {
	readonly rows: string[][] = [];
	#d: number;
	#row: string[] = [];
	#field = '';
	#quoted = false; // inside a quoted field
	#afterQuote = false; // just saw a quote inside a quoted field (maybe the closing one)
	#afterCr = false;

	constructor(delimiter: Delimiter) {
		this.#d = delimiter.charCodeAt(0);
	}

	push(text: string): void {
		const d = this.#d;
		let start = 0; // start of the unquoted run not yet copied into #field
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (this.#afterCr) {
				this.#afterCr = false;
				if (c === 10) {
					start = i + 1;
					continue;
				}
			}
			if (this.#quoted) {
				if (this.#afterQuote) {
					this.#afterQuote = false;
					if (c === 34) {
						this.#field += '"';
						start = i + 1;
						continue;
					}
					this.#quoted = false; // the quote closed the field; fall through to unquoted handling
				} else {
					if (c === 34) {
						this.#field += text.slice(start, i);
						this.#afterQuote = true;
						start = i + 1;
					}
					continue;
				}
			}
			if (c === d) {
				this.#field += text.slice(start, i);
				this.#row.push(this.#field);
				this.#field = '';
				start = i + 1;
			} else if (c === 10 || c === 13) {
				this.#field += text.slice(start, i);
				this.#endRow();
				this.#afterCr = c === 13;
				start = i + 1;
			} else if (c === 34 && this.#field === '' && i === start) {
				this.#quoted = true;
				start = i + 1;
			}
		}
		if (this.#quoted && !this.#afterQuote) this.#field += text.slice(start);
		else if (!this.#quoted) this.#field += text.slice(start);
	}

	end(): string[][] {
		if (this.#field !== '' || this.#row.length > 0) this.#endRow();
		return this.rows;
	}

	#endRow() {
		this.#row.push(this.#field);
		this.rows.push(this.#row);
		this.#row = [];
		this.#field = '';
		this.#quoted = false;
		this.#afterQuote = false;
	}
}

export interface CsvReadOptions {
	encoding?: EncodingChoice;
	delimiter?: Delimiter | 'auto';
}

export interface CsvReadResult extends DecodeResult {
	delimiter: Delimiter;
	grid: Grid;
}

/** Decode and parse in one pass over the bytes; `progress` gets 0…1. */
export function readCsv(bytes: Uint8Array, options: CsvReadOptions = {}, progress?: (f: number) => void): CsvReadResult {
	let parser: DsvParser | null = null;
	let delimiter: Delimiter = options.delimiter && options.delimiter !== 'auto' ? options.delimiter : ';';
	const auto = !options.delimiter || options.delimiter === 'auto';
	const decoded = decodeChunks(
		bytes,
		options.encoding ?? 'auto',
		(text) => {
			if (!parser) {
				if (auto) delimiter = detectDelimiter(text.slice(0, 65536));
				parser = new DsvParser(delimiter);
			}
			parser.push(text);
		},
		progress
	);
	const rows = (parser as DsvParser | null)?.end() ?? [];
	return { ...decoded, delimiter, grid: rows };
}
