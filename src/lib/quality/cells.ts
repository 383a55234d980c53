/**
 * Checks of single cells and of coverage, per indicator and year:
 * - coverage: areas with a published value / all areas of the finest level;
 * - missing areas, named: no row, the flag "missing", or no value; a year where every area is
 *   flagged "missing" is a documented gap (info), any other gap a warning;
 * - withheld cells (disclosure control), listed so a planner knows why a value is not shown;
 * - small denominators: published values whose denominator is below the package's disclosure
 *   minimum or the minimum chosen on the page (a share of 2 in 9 children is not a finding
 *   about the area);
 * - a proportion whose numerator exceeds its denominator (a share above 100 %).
 * Only years from the indicator's first to its last year with data count: an indicator that
 * starts in 2016 has no gap in 2015.
 */
import type { Indicator } from '$lib/data/types';
import type { Finding, QualityObservation } from './types';

export interface YearCoverage {
	year: number;
	withValue: number;
	suppressed: number;
	total: number;
}

export interface CellChecks {
	coverage: YearCoverage[];
	findings: Finding[];
}

const hasValue = (o: QualityObservation | undefined) => !!o && o.value !== null && o.flag !== 'suppressed' && o.flag !== 'missing';

export function cellChecks(indicator: Indicator, rows: readonly QualityObservation[], areaKeys: readonly string[], minDenominator: number): CellChecks {
	const id = indicator.id;
	const byYear = new Map<number, Map<string, QualityObservation>>();
	for (const o of rows) {
		let m = byYear.get(o.year);
		if (!m) byYear.set(o.year, (m = new Map()));
		m.set(o.area_key, o);
	}
	const valued = [...byYear].filter(([, m]) => [...m.values()].some(hasValue)).map(([y]) => y);
	if (valued.length === 0) return { coverage: [], findings: [] };
	const first = Math.min(...valued);
	const last = Math.max(...valued);
	const findings: Finding[] = [];
	const coverage: YearCoverage[] = [];
	const suppressed = { years: new Set<number>(), areas: new Set<string>(), cells: 0 };
	const small = { years: new Set<number>(), areas: new Set<string>(), cells: 0, lowest: Infinity };

	for (let year = first; year <= last; year++) {
		const m = byYear.get(year) ?? new Map<string, QualityObservation>();
		let withValue = 0;
		let withheld = 0;
		const missing: string[] = [];
		let documented = 0;
		let zeroDenominator = 0;
		for (const key of areaKeys) {
			const o = m.get(key);
			if (hasValue(o)) withValue++;
			else if (o?.flag === 'suppressed') {
				withheld++;
				suppressed.years.add(year);
				suppressed.areas.add(key);
				suppressed.cells++;
			} else {
				missing.push(key);
				if (o?.flag === 'missing') documented++;
				// no value because nothing was there to count (no births in a tiny area): not a gap
				if (o?.flag === 'missing' && o.denominator === 0) zeroDenominator++;
			}
			if (!o || !hasValue(o)) continue;
			if (o.denominator !== null && indicator.value_type !== 'count' && o.denominator < minDenominator) {
				small.years.add(year);
				small.areas.add(key);
				small.cells++;
				small.lowest = Math.min(small.lowest, o.denominator);
			}
			if (indicator.value_type === 'proportion' && o.numerator !== null && o.denominator !== null && o.numerator > o.denominator) {
				findings.push({
					check: 'numerator_above_denominator', severity: 'warning', indicator_id: id, years: [year], areas: [key],
					detail: { numerator: o.numerator, denominator: o.denominator, value: o.value! }
				});
			}
		}
		coverage.push({ year, withValue, suppressed: withheld, total: areaKeys.length });
		if (missing.length === 0) continue;
		if (withValue === 0 && withheld === 0 && documented === missing.length) {
			findings.push({ check: 'missing_year', severity: 'info', indicator_id: id, years: [year], areas: [], detail: { total: areaKeys.length } });
		} else {
			findings.push({
				check: 'missing_areas', severity: documented === missing.length ? 'info' : 'warning', indicator_id: id, years: [year], areas: missing,
				detail: { missing: missing.length, total: areaKeys.length, withValue, zeroDenominator }
			});
		}
	}
	if (suppressed.cells > 0) {
		findings.push({ check: 'suppressed', severity: 'info', indicator_id: id, years: [...suppressed.years].sort((a, b) => a - b), areas: [...suppressed.areas].sort(), detail: { cells: suppressed.cells } });
	}
	if (small.cells > 0) {
		findings.push({
			check: 'small_denominator', severity: 'info', indicator_id: id, years: [...small.years].sort((a, b) => a - b), areas: [...small.areas].sort(),
			detail: { cells: small.cells, minimum: minDenominator, lowest: small.lowest }
		});
	}
	return { coverage, findings };
}
