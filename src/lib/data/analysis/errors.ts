/**
 * DuckDB's error messages (English, with a caret under the position) → what the console tells a
 * planner: the kind of problem, the line and column in *their* text, and the names involved, so
 * the page can say it in German (catalogue `analyse`) and put the cursor where the error is. The
 * original message is kept for the "Details" line.
 */

export type ErrorKind =
	| 'syntax'
	| 'unknown_column'
	| 'unknown_table'
	| 'unknown_function'
	| 'types'
	| 'file'
	| 'settings'
	| 'cancelled'
	| 'other';

export interface ConsoleErrorInfo {
	kind: ErrorKind;
	/** 1-based line and column in the user's text, when DuckDB pointed at a position. */
	line?: number;
	column?: number;
	/** 0-based offset in the user's text (for the cursor). */
	offset?: number;
	/** The word DuckDB complained about ("near …", the unknown name). */
	name?: string;
	/** DuckDB's suggestions ("Did you mean …", candidate columns). */
	suggestions?: string[];
	detail: string;
}

const quoted = (s: string) => [...s.matchAll(/"([^"]+)"/g)].map((m) => m[1]);

/**
 * Where DuckDB's caret points, mapped back onto `text`. The message shows "LINE n: <the line>" and
 * under it spaces and "^"; long lines are cut to a window and start with "...".
 */
export function errorPosition(message: string, text: string): { line: number; column: number; offset: number } | null {
	const lines = message.split('\n');
	const i = lines.findIndex((l) => /^LINE \d+: /.test(l));
	if (i < 0 || i + 1 >= lines.length) return null;
	const m = /^LINE (\d+): (.*)$/.exec(lines[i])!;
	const caret = lines[i + 1].indexOf('^');
	if (caret < 0) return null;
	const line = Number(m[1]);
	const prefix = `LINE ${m[1]}: `.length;
	let shown = m[2];
	let at = caret - prefix;
	if (shown.startsWith('...')) {
		shown = shown.slice(3);
		at -= 3;
	}
	shown = shown.replace(/\.\.\.$/, '');
	const textLines = text.split('\n');
	const own = textLines[line - 1];
	if (own === undefined) return null;
	const start = Math.max(0, own.indexOf(shown.slice(0, Math.max(1, Math.min(shown.length, 40)))));
	const column = Math.min(own.length, start + Math.max(0, at)) + 1;
	const offset = textLines.slice(0, line - 1).reduce((s, l) => s + l.length + 1, 0) + column - 1;
	return { line, column, offset };
}

export function explainError(message: string, text: string): ConsoleErrorInfo {
	const first = message.split('\n')[0];
	const pos = errorPosition(message, text) ?? {};
	const base = { ...pos, detail: message.split('\n\nLINE')[0].trim() };
	const suggestions = (message.match(/(?:Did you mean|Candidate bindings?:)\s*(.+)/)?.[1] ?? '')
		.split(/,\s*/)
		.map((s) => s.replace(/^"|"$|\?$/g, '').replace(/"$/, ''))
		.filter((s) => s !== '');
	if (/^INTERRUPT Error|Interrupted/i.test(first)) return { kind: 'cancelled', detail: first };
	if (/^Parser Error/.test(first)) {
		const near = /at or near "([^"]*)"/.exec(first)?.[1];
		return { kind: 'syntax', ...base, ...(near ? { name: near } : {}) };
	}
	if (/^Permission Error/.test(first)) return { kind: 'file', ...base };
	if (/configuration has been locked|Cannot change configuration/i.test(first)) return { kind: 'settings', ...base };
	if (/^Binder Error: Referenced column/.test(first) || /^Binder Error: .*column .* not found/i.test(first)) {
		return { kind: 'unknown_column', ...base, name: quoted(first)[0], suggestions };
	}
	if (/^Catalog Error: Table (with name )?/.test(first)) {
		return { kind: 'unknown_table', ...base, name: /Table with name (\S+) does not exist/.exec(first)?.[1] ?? quoted(first)[0], suggestions };
	}
	if (/^Catalog Error: (Scalar|Table|Aggregate)? ?Function with name/.test(first)) {
		return { kind: 'unknown_function', ...base, name: /Function with name "?([^\s"]+)"? (does not exist|is not)/.exec(first)?.[1], suggestions };
	}
	if (/^(Conversion|Binder) Error: .*(cast|type|No function matches)/i.test(first)) return { kind: 'types', ...base };
	return { kind: 'other', ...base };
}
