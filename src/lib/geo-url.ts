/**
 * The two link parameters of the geography that several views share (docs/permalinks.md):
 *
 * - `ebene=gemeinde`: the area level a view shows (absent = the finest level);
 * - `umrechnung=flaeche|bevoelkerung|vorgabe`: years of an older boundary version converted onto
 *   today's areas by that crosswalk method (absent = the series breaks at the change).
 *
 * German, readable values; parsing never throws, an unknown value falls back to the default.
 */
import type { CrosswalkMethod } from '$lib/data/types';

export const LEVEL_PARAM = 'ebene';
export const CONVERT_PARAM = 'umrechnung';

const METHOD_WORD: Record<CrosswalkMethod, string> = { given: 'vorgabe', population: 'bevoelkerung', area: 'flaeche' };

/** The level to show: a known level id, else the finest (levels finest first). */
export function parseLevel(params: URLSearchParams, levels: readonly string[]): string {
	const v = params.get(LEVEL_PARAM);
	return v !== null && levels.includes(v) ? v : levels[0];
}

/** The conversion method, when the package offers it; null = break. */
export function parseConvert(params: URLSearchParams, methods: readonly CrosswalkMethod[]): CrosswalkMethod | null {
	const v = params.get(CONVERT_PARAM);
	const m = (Object.keys(METHOD_WORD) as CrosswalkMethod[]).find((k) => METHOD_WORD[k] === v);
	return m && methods.includes(m) ? m : null;
}

/** Link entries for a level and a method; defaults are left out to keep links short. */
export function geoParams(level: string | null, levels: readonly string[], convert: CrosswalkMethod | null): [string, string][] {
	const out: [string, string][] = [];
	if (level && level !== levels[0]) out.push([LEVEL_PARAM, level]);
	if (convert) out.push([CONVERT_PARAM, METHOD_WORD[convert]]);
	return out;
}
