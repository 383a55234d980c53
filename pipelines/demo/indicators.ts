/**
 * Indicator catalogue of the demo city: metadata (written to indicators.csv) plus the model that
 * generates the observations. Definitions are split by life phase into two files to stay short.
 */
import type { Indicator } from '../../src/lib/data/types';
import type { IndicatorDef } from './indicator-model';
import { EARLY_INDICATORS } from './indicators-early';
import { LATER_INDICATORS } from './indicators-late';

export const INDICATORS: readonly IndicatorDef[] = [...EARLY_INDICATORS, ...LATER_INDICATORS];

/** The metadata as written to indicators.csv (the model stays internal). */
export function indicatorRecord(def: IndicatorDef): Indicator {
	const { model: _model, ...indicator } = def;
	return indicator;
}
