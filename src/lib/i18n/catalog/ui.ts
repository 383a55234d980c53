/** Texts of shared controls (src/lib/ui): the pager of long lists. */
import type { Catalog } from './index';

export const de = {
	'pager.first': 'Erste Seite',
	'pager.previous': 'Vorige Seite',
	'pager.next': 'Nächste Seite',
	'pager.last': 'Letzte Seite',
	'pager.page': 'Seite {page} von {pages}',
	'pager.rows': '{from}–{to} von {total}',
	'pager.goto': 'Seite'
};

export const en: Catalog<typeof de>['en'] = {
	'pager.first': 'First page',
	'pager.previous': 'Previous page',
	'pager.next': 'Next page',
	'pager.last': 'Last page',
	'pager.page': 'Page {page} of {pages}',
	'pager.rows': '{from}–{to} of {total}',
	'pager.goto': 'Page'
};
