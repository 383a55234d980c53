/**
 * Observations: one row per Sozialraum, indicator and year. Numerators are integer draws
 * (binomial for proportions, Poisson for rates) around a model driven by the area's deprivation,
 * so values always follow exactly from numerator / denominator × multiplier.
 */
import type { Observation, ObservationFlag } from '../../src/lib/data/types';
import type { Sozialraum } from './areas';
import { MISSING_YEAR, PARTIAL_YEAR, deprivationIn, type Bases } from './bases';
import { FIRST_YEAR, YEARS } from './config';
import { compareText, round } from './format';
import type { Denominator, IndicatorDef } from './indicator-model';
import type { Population } from './population';
import { logistic, logit, stream, type Streams } from './random';

function denominator(den: Denominator, key: string, year: number, pop: Population, bases: Bases): number {
	switch (den.kind) {
		case 'ages':
			return pop.ages(key, year, den.lo, den.hi);
		case 'total':
			return pop.total(key, year);
		case 'women':
			return pop.women15to44(key, year);
		case 'births':
			return bases.births(key, year);
		case 'seu':
			return bases.schoolEntry(key, year);
		case 'seu_vaccination':
			return bases.schoolEntryVaccinationCard(key, year);
		case 'grade4':
			return bases.grade4(key, year);
		case 'school_leavers':
			return bases.schoolLeavers(key, year);
		case 'sgb2':
			return bases.sgb2(key, year, den.lo, den.hi);
	}
}

function flagFor(def: IndicatorDef, year: number): ObservationFlag {
	if (def.model.schoolEntry && year === MISSING_YEAR) return 'missing';
	if (def.model.schoolEntry && year === PARTIAL_YEAR) return 'provisional';
	if (def.model.breakYear === year) return 'break';
	return '';
}

export function observationsFor(
	def: IndicatorDef,
	areas: readonly Sozialraum[],
	pop: Population,
	bases: Bases,
	streams: Streams = stream
): Observation[] {
	const { model } = def;
	const rng = streams(`observations/${def.id}`);
	const out: Observation[] = [];
	for (const a of areas) {
		const areaEffect = rng.normal(0, model.sdArea ?? 0);
		for (const year of YEARS) {
			const flag = flagFor(def, year);
			if (flag === 'missing') {
				out.push({ area_key: a.key, indicator_id: def.id, year, value: null, numerator: null, denominator: null, flag });
				continue;
			}
			const den = denominator(model.den, a.key, year, pop, bases);
			const linear =
				model.beta * deprivationIn(a, year) +
				(model.trend ?? 0) * (year - FIRST_YEAR) +
				(model.yearEffect?.[year] ?? 0) +
				areaEffect;
			let num: number;
			if (model.numerator === 'births') num = bases.births(a.key, year);
			else if (model.numerator) num = bases.sgb2(a.key, year, ...model.numerator.sgb2);
			else if (def.value_type === 'proportion') num = rng.binomial(den, logistic(logit(model.base) + linear));
			else num = rng.poisson(den * model.base * Math.exp(linear));
			// A denominator of 0 (no births in a tiny area) leaves the value undefined, not 0.
			const value = den > 0 ? round((num / den) * def.multiplier, 6) : null;
			out.push({ area_key: a.key, indicator_id: def.id, year, value, numerator: num, denominator: den, flag });
		}
	}
	return out;
}

export function buildObservations(
	defs: readonly IndicatorDef[],
	areas: readonly Sozialraum[],
	pop: Population,
	bases: Bases,
	streams: Streams = stream
): Observation[] {
	const rows = defs.flatMap((def) => observationsFor(def, areas, pop, bases, streams));
	// Sorted by indicator id, area key, year (code-point order, independent of the locale).
	return rows.sort(
		(x, y) => compareText(x.indicator_id, y.indicator_id) || compareText(x.area_key, y.area_key) || x.year - y.year
	);
}
