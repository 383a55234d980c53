/** Texts of the table pager (src/lib/table/Pager.svelte). German first; English must have every key. */
import type { Catalog } from './index';

export const de = {
	'table.pager': 'Seiten der Tabelle „{table}“',
	'table.rows': 'Zeilen {from}–{to} von {total}',
	'table.first': 'Erste Seite',
	'table.prev': 'Vorherige Seite',
	'table.next': 'Nächste Seite',
	'table.last': 'Letzte Seite'
};

export const en: Catalog<typeof de>['en'] = {
	'table.pager': 'Pages of the table “{table}”',
	'table.rows': 'Rows {from}–{to} of {total}',
	'table.first': 'First page',
	'table.prev': 'Previous page',
	'table.next': 'Next page',
	'table.last': 'Last page'
};
