/**
 * The console's permalink: `/analyse/?sql=SELECT…&ansicht=karte&spalte=anstieg`. The query itself
 * is in the link, so a planner can send a question and whoever opens it sees the answer from
 * their own data; the view (table, chart, map) and the column the chart or map shows come along.
 * Defaults are left out; a link without `sql` opens an empty console.
 */
import { buildQuery } from '$lib/permalink';

export type ResultView = 'table' | 'chart' | 'map';

export interface ConsoleView {
	sql: string;
	view: ResultView;
	/** Name of the value column of chart and map; "" = the default. */
	column: string;
}

export const CONSOLE_PARAM = { sql: 'sql', view: 'ansicht', column: 'spalte' } as const;
const VIEW_CODE: Record<ResultView, string> = { table: 'tabelle', chart: 'diagramm', map: 'karte' };

/** Longer queries are not written into the address (some servers refuse very long URLs). */
export const MAX_SQL_IN_URL = 6000;

export function parseConsoleView(params: URLSearchParams): ConsoleView {
	const code = params.get(CONSOLE_PARAM.view);
	const view = (Object.keys(VIEW_CODE) as ResultView[]).find((v) => VIEW_CODE[v] === code) ?? 'table';
	return { sql: (params.get(CONSOLE_PARAM.sql) ?? '').slice(0, MAX_SQL_IN_URL), view, column: params.get(CONSOLE_PARAM.column) ?? '' };
}

export function consoleSearch(v: ConsoleView): string {
	const pairs: [string, string][] = [];
	if (v.sql.trim() !== '' && v.sql.length <= MAX_SQL_IN_URL) pairs.push([CONSOLE_PARAM.sql, v.sql]);
	if (v.view !== 'table') pairs.push([CONSOLE_PARAM.view, VIEW_CODE[v.view]]);
	if (v.column) pairs.push([CONSOLE_PARAM.column, v.column]);
	return buildQuery(pairs);
}
