/**
 * The quality report's view in its URL: `/datenqualitaet/?art=pruefen&pruefung=jump&indikator=…&mindestnenner=30`.
 * Defaults are left out; unknown values fall back to them.
 */
import { buildQuery, parseNumber } from '$lib/permalink';
import { CHECK_ORDER, DEFAULT_MIN_DENOMINATOR } from './report';
import type { CheckId, Severity } from './types';

export interface QualityView {
	severity: Severity | 'all';
	check: CheckId | '';
	indicator: string;
	minDenominator: number;
}

export const DEFAULT_QUALITY_VIEW: Readonly<QualityView> = { severity: 'all', check: '', indicator: '', minDenominator: DEFAULT_MIN_DENOMINATOR };
export const QUALITY_PARAM = { severity: 'art', check: 'pruefung', indicator: 'indikator', minDenominator: 'mindestnenner' } as const;
const SEVERITY: Record<Severity, string> = { warning: 'pruefen', info: 'hinweis' };

export function parseQualityView(params: URLSearchParams, indicators: readonly string[]): QualityView {
	const s = params.get(QUALITY_PARAM.severity);
	const c = params.get(QUALITY_PARAM.check);
	const i = params.get(QUALITY_PARAM.indicator);
	const m = parseNumber(params.get(QUALITY_PARAM.minDenominator), 0, 100000);
	return {
		severity: (Object.keys(SEVERITY) as Severity[]).find((k) => SEVERITY[k] === s) ?? 'all',
		check: CHECK_ORDER.find((x) => x === c) ?? '',
		indicator: i !== null && indicators.includes(i) ? i : '',
		minDenominator: m !== null && Number.isInteger(m) ? m : DEFAULT_MIN_DENOMINATOR
	};
}

export function qualitySearch(v: QualityView): string {
	const pairs: [string, string][] = [];
	if (v.severity !== 'all') pairs.push([QUALITY_PARAM.severity, SEVERITY[v.severity]]);
	if (v.check) pairs.push([QUALITY_PARAM.check, v.check]);
	if (v.indicator) pairs.push([QUALITY_PARAM.indicator, v.indicator]);
	if (v.minDenominator !== DEFAULT_MIN_DENOMINATOR) pairs.push([QUALITY_PARAM.minDenominator, String(v.minDenominator)]);
	return buildQuery(pairs);
}
