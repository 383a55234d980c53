/**
 * Small numbers in a console result. The console's database holds only published cells, so no
 * result can reveal a withheld one; but a query can still produce a new small count (the children
 * of two Sozialräume added up, persons of one age group). The threshold rule of the package
 * (0 < count < minNumerator, docs/data-package.md) is applied to every result column that carries
 * counts of persons before the result is shown or exported: such a cell becomes "•".
 *
 * Which columns carry counts is read from the query with DuckDB's tokenizer: a column named like a
 * count of the views (numerator, denominator, persons, or a name that contains one of them, such
 * as DuckDB's own "sum(numerator)"), and any alias `… AS name` whose expression uses such a column
 * or alias and divides nothing (a share of two counts is not a count). Anything a query renames
 * further is still followed through CTEs and subqueries, because every alias of the query is read.
 */
import type { QueryResult, ResultCell } from '../connector';
import type { DisclosureSettings } from '../types';
import { TOKEN, tokenText, type Tokens } from './guard';

/** Count columns of the views; German names a planner might alias them to are matched too. */
const COUNT_WORDS = ['numerator', 'denominator', 'persons', 'zaehler', 'zähler', 'nenner', 'personen', 'einwohner'];

export const SUPPRESSED = '•';

const isCountName = (name: string, aliases: ReadonlySet<string>) => {
	const n = name.toLowerCase();
	return aliases.has(n) || COUNT_WORDS.some((w) => n.includes(w));
};

/** Aliases of the query whose expression carries counts (see the module comment). */
export function countAliases(text: string, tokens: Tokens): Set<string> {
	const words = tokens.offsets.map((o) => tokenText(text, o));
	const found = new Set<string>();
	// the expression of an alias runs back from AS to the previous "," "(" SELECT at the same depth
	let changed = true;
	while (changed) {
		changed = false;
		for (let i = 0; i < words.length; i++) {
			if (tokens.types[i] !== TOKEN.keyword || words[i].toUpperCase() !== 'AS' || i + 1 >= words.length) continue;
			const alias = words[i + 1].replace(/^"|"$/g, '').toLowerCase();
			if (found.has(alias)) continue;
			let depth = 0;
			let counts = false;
			let divides = false;
			for (let j = i - 1; j >= 0; j--) {
				const w = words[j];
				if (w === ')') depth++;
				else if (w === '(') {
					if (depth === 0) break;
					depth--;
				} else if (depth === 0 && (w === ',' || (tokens.types[j] === TOKEN.keyword && ['SELECT', 'DISTINCT'].includes(w.toUpperCase())))) break;
				if (w === '/') divides = true;
				if ((tokens.types[j] === TOKEN.identifier || tokens.types[j] === TOKEN.keyword) && isCountName(w.replace(/^"|"$/g, '').split('.').pop()!, found)) counts = true;
			}
			if (counts && !divides) {
				found.add(alias);
				changed = true;
			}
		}
	}
	return found;
}

export interface ProtectedResult extends QueryResult {
	/** Columns the threshold rule was applied to. */
	countColumns: string[];
	/** Cells shown as "•". */
	suppressed: number;
}

export function protectResult(result: QueryResult, aliases: ReadonlySet<string>, settings: DisclosureSettings): ProtectedResult {
	const idx = result.columns.map((c, i) => (c.kind === 'number' && isCountName(c.name, aliases) ? i : -1)).filter((i) => i >= 0);
	let suppressed = 0;
	const rows = result.rows.map((row) => {
		if (idx.length === 0) return row;
		const out: ResultCell[] = [...row];
		for (const i of idx) {
			const v = out[i];
			if (typeof v === 'number' && v > 0 && v < settings.minNumerator) {
				out[i] = SUPPRESSED;
				suppressed++;
			}
		}
		return out;
	});
	return { ...result, rows, countColumns: idx.map((i) => result.columns[i].name), suppressed };
}
