/**
 * URLs of the district profile (`/sozialraum/?id=0101&jahr=2025&indikator=…`) and the indicator page
 * (`/indikator/?id=sgb2_u15&jahr=2025&sozialraum=0101`). Query parameters rather than one prerendered
 * page per area: the static site then works for any data package a municipality builds in, without
 * knowing its area keys at build time. Every link carries year, indicator and area, so switching
 * between atlas, profile and indicator page keeps the selection. Parsing never throws: unknown
 * values fall back to a valid choice.
 */

export const PROFILE_PARAM = { area: 'id', year: 'jahr', indicator: 'indikator' } as const;
export const INDICATOR_PARAM = { indicator: 'id', year: 'jahr', area: 'sozialraum' } as const;
/** Same names as the atlas' url-state (kept here so links need no atlas import). */
export const ATLAS_PARAM = { indicator: 'indikator', year: 'jahr', area: 'sozialraum' } as const;

export interface Selection {
	area: string | null;
	indicator: string | null;
	year: number | null;
}

function search(entries: [string, string | number | null][]): string {
	const p = new URLSearchParams();
	for (const [k, v] of entries) if (v !== null && v !== '') p.set(k, String(v));
	const s = p.toString();
	return s ? `?${s}` : '';
}

export function profileSearch(s: Selection): string {
	return search([
		[PROFILE_PARAM.area, s.area],
		[PROFILE_PARAM.year, s.year],
		[PROFILE_PARAM.indicator, s.indicator]
	]);
}

export function indicatorSearch(s: Selection): string {
	return search([
		[INDICATOR_PARAM.indicator, s.indicator],
		[INDICATOR_PARAM.year, s.year],
		[INDICATOR_PARAM.area, s.area]
	]);
}

export function atlasLinkSearch(s: Selection): string {
	return search([
		[ATLAS_PARAM.indicator, s.indicator],
		[ATLAS_PARAM.year, s.year],
		[ATLAS_PARAM.area, s.area]
	]);
}

export interface ParseOptions {
	/** Base-level area keys in display order. */
	areaKeys: readonly string[];
	/** Indicator ids that have data. */
	indicators: readonly string[];
	defaultIndicator: string;
	/** Years with data, ascending (per indicator for the indicator page). */
	yearsOf: (indicator: string | null) => readonly number[];
}

export interface ProfileSelection {
	area: string;
	year: number;
	/** The indicator the user came from (highlighted, carried on); null when none was given. */
	indicator: string | null;
}

export interface IndicatorSelection {
	indicator: string;
	year: number;
	area: string | null;
}

function pickYear(raw: string | null, years: readonly number[]): number {
	const y = Number(raw);
	return raw !== null && Number.isInteger(y) && years.includes(y) ? y : years[years.length - 1];
}

/** Profile: an unknown area falls back to the first one; the year to the latest with any data. */
export function parseProfileParams(params: URLSearchParams, o: ParseOptions): ProfileSelection {
	const a = params.get(PROFILE_PARAM.area);
	const i = params.get(PROFILE_PARAM.indicator);
	return {
		area: a !== null && o.areaKeys.includes(a) ? a : o.areaKeys[0],
		year: pickYear(params.get(PROFILE_PARAM.year), o.yearsOf(null)),
		indicator: i !== null && o.indicators.includes(i) ? i : null
	};
}

/** Indicator page: unknown indicator → the package's default; a year without data → the latest. */
export function parseIndicatorParams(params: URLSearchParams, o: ParseOptions): IndicatorSelection {
	const wanted = params.get(INDICATOR_PARAM.indicator);
	const indicator =
		wanted !== null && o.indicators.includes(wanted)
			? wanted
			: o.indicators.includes(o.defaultIndicator)
				? o.defaultIndicator
				: o.indicators[0];
	const a = params.get(INDICATOR_PARAM.area);
	return {
		indicator,
		year: pickYear(params.get(INDICATOR_PARAM.year), o.yearsOf(indicator)),
		area: a !== null && o.areaKeys.includes(a) ? a : null
	};
}

/** Previous and next area in display order (no wrap-around: the ends are visibly the ends). */
export function neighbours(keys: readonly string[], key: string): { prev: string | null; next: string | null } {
	const i = keys.indexOf(key);
	if (i < 0) return { prev: null, next: null };
	return { prev: i > 0 ? keys[i - 1] : null, next: i < keys.length - 1 ? keys[i + 1] : null };
}
