/**
 * The header navigation. Links carry the current selection (indicator, year, area) from page to
 * page, so a planner who looks at Nordviertel's child poverty in the atlas lands on Nordviertel's
 * profile and on the same indicator's page.
 */
import { ATLAS_PARAM, INDICATOR_PARAM, PROFILE_PARAM, indicatorSearch, profileSearch, type Selection } from '$lib/profile/links';
import type { MessageKey } from '$lib/i18n/messages';

export interface NavItem {
	/** Route path, resolved against the site base by the layout. */
	path: string;
	key: MessageKey;
	search?: (s: Selection) => string;
}

export const NAV_ITEMS: NavItem[] = [
	{ path: '/', key: 'nav.atlas', search: atlasLinkSearch },
	{ path: '/sozialraum/', key: 'nav.profile', search: profileSearch },
	{ path: '/indikator/', key: 'nav.indicator', search: indicatorSearch },
	{ path: '/ziele/', key: 'nav.targets' },
	{ path: '/kette/', key: 'nav.chain' },
	{ path: '/angebote/', key: 'nav.offers' },
	{ path: '/netzwerke/', key: 'nav.networks' },
	{ path: '/index/', key: 'nav.index' },
	{ path: '/eigene-indikatoren/', key: 'nav.derived' },
	{ path: '/analyse/', key: 'nav.analyse' },
	{ path: '/datenqualitaet/', key: 'nav.quality' },
	{ path: '/praesentation/', key: 'nav.present' },
	{ path: '/import/', key: 'nav.import' }
];

function atlasLinkSearch(s: Selection): string {
	const p = new URLSearchParams();
	if (s.indicator) p.set(ATLAS_PARAM.indicator, s.indicator);
	if (s.year !== null) p.set(ATLAS_PARAM.year, String(s.year));
	if (s.area) p.set(ATLAS_PARAM.area, s.area);
	const q = p.toString();
	return q ? `?${q}` : '';
}

/** The selection the current page shows, read from its URL (each page names its parameters). */
export function selectionFromUrl(pathname: string, params: URLSearchParams): Selection {
	const year = Number(params.get('jahr'));
	const y = Number.isInteger(year) && year > 0 ? year : null;
	if (pathname.endsWith('/sozialraum/')) return { area: params.get(PROFILE_PARAM.area), indicator: params.get(PROFILE_PARAM.indicator), year: y };
	if (pathname.endsWith('/indikator/')) return { area: params.get(INDICATOR_PARAM.area), indicator: params.get(INDICATOR_PARAM.indicator), year: y };
	return { area: params.get(ATLAS_PARAM.area), indicator: params.get(ATLAS_PARAM.indicator), year: y };
}

/**
 * Is this nav item the current page? Works wherever the site is hosted (under a sub-path too):
 * a page matches by its own path segment, the atlas when no other page does.
 */
export function isCurrent(item: NavItem, pathname: string): boolean {
	const matches = (i: NavItem) => i.path !== '/' && pathname.includes(i.path);
	return item.path === '/' ? !NAV_ITEMS.some(matches) : matches(item);
}
