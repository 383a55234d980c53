/** Small hand-checkable inputs for the index specs (not used by the app). */
import type { Polarity } from '$lib/data/types';
import { DEFAULT_DYNAMICS_CUTS, DEFAULT_STATUS_CUTS, type IndexSettings } from './settings';
import type { AreaValues, IndexArea } from './status';

export const area = (key: string, population: number | null = 1000): IndexArea => ({ key, name: `Gebiet ${key}`, parent: '01', population });

export const values = (keys: string[], xs: (number | null)[]): AreaValues => new Map(keys.map((k, i) => [k, xs[i]]));

export const settings = (weights: Record<string, number>, extra: Partial<IndexSettings> = {}): IndexSettings => ({
	name: 'Test',
	indicators: Object.entries(weights).map(([id, weight]) => ({ id, weight })),
	method: 'zscore',
	// The hand-computed expectations of the older specs use the sample SD; specs of the population
	// SD say so explicitly.
	sd: 'sample',
	cutTie: 'lower',
	year: null,
	dynamicsSpan: 2,
	minPopulation: 300,
	statusCuts: [...DEFAULT_STATUS_CUTS],
	dynamicsCuts: [...DEFAULT_DYNAMICS_CUTS],
	...extra
});

/** x: higher is worse, y: higher is better, n: neutral. */
export const polarity = (id: string): Polarity | undefined =>
	(({ x: 'higher_is_worse', y: 'higher_is_better', n: 'neutral' }) as Record<string, Polarity>)[id];
