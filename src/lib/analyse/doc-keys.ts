/**
 * Message keys of the view documentation: `sql.view.<view>`, and per column `sql.col.<view>.<col>`
 * where a name means different things in different views (id, name, key), else `sql.col.<col>`.
 * derived_indicators has the columns of indicators.
 */
import { MESSAGES, type MessageKey } from '$lib/i18n/messages';

export function viewKey(view: string): MessageKey {
	return `sql.view.${view}` as MessageKey;
}

export function columnKey(view: string, column: string): MessageKey {
	const v = view === 'derived_indicators' ? 'indicators' : view;
	const specific = `sql.col.${v}.${column}`;
	return (specific in MESSAGES.de ? specific : `sql.col.${column}`) as MessageKey;
}
