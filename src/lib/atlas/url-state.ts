/**
 * The atlas view lives in the URL (`?indikator=…&jahr=…&sozialraum=…`), so a copied link reopens
 * the same view and back/forward work. Parsing never throws: an unknown indicator, a year without
 * data or an unknown area falls back to a valid choice instead of a broken page.
 */
export interface AtlasState {
	indicator: string;
	year: number;
	area: string | null;
}

export interface AtlasOptions {
	indicators: string[];
	defaultIndicator: string;
	/** Years with data per indicator, ascending. */
	yearsOf: (indicator: string) => number[];
	areaKeys: Set<string>;
}

export const PARAM = { indicator: 'indikator', year: 'jahr', area: 'sozialraum' } as const;

export function parseAtlasState(params: URLSearchParams, o: AtlasOptions): AtlasState {
	const wanted = params.get(PARAM.indicator);
	const indicator =
		wanted && o.indicators.includes(wanted)
			? wanted
			: o.indicators.includes(o.defaultIndicator)
				? o.defaultIndicator
				: o.indicators[0];
	const years = o.yearsOf(indicator);
	const y = Number(params.get(PARAM.year));
	const year = Number.isInteger(y) && years.includes(y) ? y : years[years.length - 1];
	const a = params.get(PARAM.area);
	const area = a !== null && o.areaKeys.has(a) ? a : null;
	return { indicator, year, area };
}

export function atlasSearch(state: AtlasState): string {
	const p = new URLSearchParams();
	p.set(PARAM.indicator, state.indicator);
	p.set(PARAM.year, String(state.year));
	if (state.area) p.set(PARAM.area, state.area);
	return '?' + p.toString();
}

/** The year to keep when the indicator changes: same year if it has data, else the latest. */
export function keepYear(year: number, years: number[]): number {
	return years.includes(year) ? year : years[years.length - 1];
}
