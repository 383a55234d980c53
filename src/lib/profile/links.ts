/**
 * URLs of the district profile (`/sozialraum/?id=0101&jahr=2025&indikator=…`) and the indicator page
 * (`/indikator/?id=sgb2_u15&jahr=2025&sozialraum=0101`). Query parameters rather than one prerendered
 * page per area: the static site then works for any data package a municipality builds in, without
 * knowing its area keys at build time. Every link carries year, indicator and area, so switching
 * between atlas, profile and indicator page keeps the selection. Parsing never throws: unknown
 * values fall back to a valid choice.
 */

import type { CrosswalkMethod } from '$lib/data/types';
import { geoParams, parseConvert, parseLevel } from '$lib/geo-url';

export const PROFILE_PARAM = { area: 'id', year: 'jahr', indicator: 'indikator' } as const;
export const INDICATOR_PARAM = { indicator: 'id', year: 'jahr', area: 'sozialraum' } as const;
/** Same names as the atlas' url-state (kept here so links need no atlas import). */
export const ATLAS_PARAM = { indicator: 'indikator', year: 'jahr', area: 'sozialraum' } as const;

export interface Selection {
	area: string | null;
	indicator: string | null;
	year: number | null;
	/** Area level shown (`ebene`); null / absent = the finest. Carried by the indicator page and atlas links. */
	level?: string | null;
	/** Crosswalk method of converted earlier years (`umrechnung`); null / absent = the series breaks. */
	convert?: CrosswalkMethod | null;
}

function search(entries: [string, string | number | null][], s?: Pick<Selection, 'level' | 'convert'>): string {
	const p = new URLSearchParams();
	for (const [k, v] of entries) if (v !== null && v !== '') p.set(k, String(v));
	// a level is only ever set when it is not the finest, so the level list is not needed to write it
	if (s) for (const [k, v] of geoParams(s.level ?? null, [], s.convert ?? null)) p.set(k, v);
	const q = p.toString();
	return q ? `?${q}` : '';
}

export function profileSearch(s: Selection): string {
	return search([
		[PROFILE_PARAM.area, s.area],
		[PROFILE_PARAM.year, s.year],
		[PROFILE_PARAM.indicator, s.indicator]
	]);
}

export function indicatorSearch(s: Selection): string {
	return search(
		[
			[INDICATOR_PARAM.indicator, s.indicator],
			[INDICATOR_PARAM.year, s.year],
			[INDICATOR_PARAM.area, s.area]
		],
		s
	);
}

export function atlasLinkSearch(s: Selection): string {
	return search(
		[
			[ATLAS_PARAM.indicator, s.indicator],
			[ATLAS_PARAM.year, s.year],
			[ATLAS_PARAM.area, s.area]
		],
		s
	);
}

export interface ParseOptions {
	/** Base-level area keys in display order. */
	areaKeys: readonly string[];
	/** Indicator ids that have data. */
	indicators: readonly string[];
	defaultIndicator: string;
	/** Years with data, ascending (per indicator for the indicator page). */
	yearsOf: (indicator: string | null) => readonly number[];
	/** Level ids, finest first (indicator page; absent: one level). */
	levels?: readonly string[];
	/** Area keys of a level, any boundary version (the highlighted area must be on the level shown). */
	areaKeysOf?: (level: string) => readonly string[];
	/** Crosswalk methods the package offers. */
	methods?: readonly CrosswalkMethod[];
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
	/** Level shown (`ebene`), set only when it is not the finest. */
	level?: string;
	/** Earlier boundary versions converted in the series by this method (`umrechnung`), set only when asked. */
	convert?: CrosswalkMethod;
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
	const levels = o.levels ?? [];
	const level = levels.length > 0 ? parseLevel(params, levels) : null;
	const keys = level !== null && o.areaKeysOf ? o.areaKeysOf(level) : o.areaKeys;
	const a = params.get(INDICATOR_PARAM.area);
	const sel: IndicatorSelection = {
		indicator,
		year: pickYear(params.get(INDICATOR_PARAM.year), o.yearsOf(indicator)),
		area: a !== null && keys.includes(a) ? a : null
	};
	if (level !== null && level !== levels[0]) sel.level = level;
	const convert = parseConvert(params, o.methods ?? []);
	if (convert) sel.convert = convert;
	return sel;
}

/** Previous and next area in display order (no wrap-around: the ends are visibly the ends). */
export function neighbours(keys: readonly string[], key: string): { prev: string | null; next: string | null } {
	const i = keys.indexOf(key);
	if (i < 0) return { prev: null, next: null };
	return { prev: i > 0 ? keys[i - 1] : null, next: i < keys.length - 1 ? keys[i + 1] : null };
}
