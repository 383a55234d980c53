import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	classify,
	classifyPooled,
	classOf,
	poolValues,
	quantileType7,
	sdMultiplesFor,
	type ClassMethod
} from './classify';
import { legendLabels, methodLabel } from './legend';
import { CALEMP } from './fixtures/calemp';

/**
 * Reference values: PySAL mapclassify, docstrings in mapclassify/classifiers.py and
 * mapclassify/tests/test_mapclassify.py (https://github.com/pysal/mapclassify), all on the "calemp"
 * example data (fixtures/calemp.ts). mapclassify's tests use numpy assert_array_almost_equal
 * (6 decimals); we use the same absolute tolerance 1e-6 on the printed values.
 */
const TOL = 1e-6;
function expectClose(actual: number[], expected: number[], tol = TOL): void {
	expect(actual.length).toBe(expected.length);
	actual.forEach((a, i) => expect(Math.abs(a - expected[i])).toBeLessThan(tol));
}

describe('classify: mapclassify reference values on calemp', () => {
	it('has the 58 values with mean 125.92810344827588 and sd 546.6452286365233 (StdMean docstring)', () => {
		expect(CALEMP.length).toBe(58);
		const c = classify(CALEMP, { method: 'stdDev', sdMultiples: [-2, -1, 1, 2] });
		expect(c.sd?.mean).toBeCloseTo(125.92810344827588, 10);
		expect(c.sd?.sd).toBeCloseTo(546.6452286365233, 10);
	});

	it('Quantiles(k=5): bins [1.464, 5.798, 13.278, 54.616, 4111.45], counts [12, 11, 12, 11, 12]', () => {
		const c = classify(CALEMP, { method: 'quantile', k: 5 });
		expectClose(c.breaks, [1.464, 5.798, 13.278, 54.616, 4111.45]);
		expect(c.counts).toEqual([12, 11, 12, 11, 12]);
	});

	it('EqualInterval(k=5): bins [822.394, 1644.658, 2466.922, 3289.186, 4111.45], counts [57, 0, 0, 0, 1]', () => {
		const c = classify(CALEMP, { method: 'equalInterval', k: 5 });
		expectClose(c.breaks, [822.394, 1644.658, 2466.922, 3289.186, 4111.45]);
		expect(c.counts).toEqual([57, 0, 0, 0, 1]);
	});

	it('FisherJenks / NaturalBreaks(k=5): bins [75.29, 192.05, 370.5, 722.85, 4111.45], counts [49, 3, 4, 1, 1]', () => {
		const c = classify(CALEMP, { method: 'naturalBreaks', k: 5 });
		expectClose(c.breaks, [75.29, 192.05, 370.5, 722.85, 4111.45]);
		expect(c.counts).toEqual([49, 3, 4, 1, 1]);
	});

	it('FisherJenks find_bin (TestFindBin): k = 5 and k = 9, including values outside the data range', () => {
		const toClass = [0, 1, 3, 5, 50, 70, 101, 202, 390, 505, 800, 5000, 5001];
		const c5 = classify(CALEMP, { method: 'naturalBreaks', k: 5 });
		expect(toClass.map((v) => classOf(v, c5))).toEqual([0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 4, 4, 4]);
		const c9 = classify(CALEMP, { method: 'naturalBreaks', k: 9 });
		expect(toClass.map((v) => classOf(v, c9))).toEqual([0, 0, 0, 0, 2, 2, 3, 5, 7, 7, 8, 8, 8]);
	});

	it('StdMean (multiples −2, −1, 1, 2): bins [−967.36235382, −420.71712519, 672.57333208, 1219.21856072, 4111.45], counts [0, 0, 56, 1, 1]', () => {
		const c = classify(CALEMP, { method: 'stdDev', sdMultiples: [-2, -1, 1, 2] });
		expectClose(c.breaks, [-967.36235382, -420.71712519, 672.57333208, 1219.21856072, 4111.45]);
		expect(c.counts).toEqual([0, 0, 56, 1, 1]);
	});

	it('StdMean (multiples −3, −1.5, 1.5, 3): bins [−1514.00758246, −694.03973951, 945.8959464, 1765.86378936, 4111.45], counts [0, 0, 57, 0, 1]', () => {
		const c = classify(CALEMP, { method: 'stdDev', sdMultiples: [-3, -1.5, 1.5, 3] });
		expectClose(c.breaks, [-1514.00758246, -694.03973951, 945.8959464, 1765.86378936, 4111.45]);
		expect(c.counts).toEqual([0, 0, 57, 0, 1]);
	});

	it('BoxPlot: bins [−52.87625, 2.5675, 9.365, 39.53, 94.97375, 4111.45], counts [0, 15, 14, 14, 6, 9], high outliers as documented', () => {
		const c = classify(CALEMP, { method: 'boxPlot' });
		expectClose(c.breaks, [-52.87625, 2.5675, 9.365, 39.53, 94.97375, 4111.45]);
		expect(c.counts).toEqual([0, 15, 14, 14, 6, 9]);
		const high = CALEMP.map((v, i) => [v, i] as const).filter(([v]) => classOf(v, c) === 5).map(([, i]) => i);
		expect(high).toEqual([0, 6, 18, 29, 33, 36, 37, 40, 42]);
	});

	it('Percentiles [1, 10, 50, 90, 99, 100] (type-7 percentile as scipy.stats.scoreatpercentile)', () => {
		const sorted = [...CALEMP].sort((a, b) => a - b);
		expectClose(
			[1, 10, 50, 90, 99, 100].map((p) => quantileType7(sorted, p / 100)),
			[0.1357, 0.553, 9.365, 213.914, 2179.948, 4111.45]
		);
	});
});

describe('classify: mapclassify conventions on small examples', () => {
	const range = (n: number) => Array.from({ length: n }, (_, i) => i);

	it('quantile(np.arange(1000), k=4) = [249.75, 499.5, 749.25, 999]; k=3 = [333, 666, 999]', () => {
		expectClose(classify(range(1000), { method: 'quantile', k: 4 }).breaks, [249.75, 499.5, 749.25, 999]);
		expectClose(classify(range(1000), { method: 'quantile', k: 3 }).breaks, [333, 666, 999]);
	});

	it('ties collapse quantile breaks: 100 × 1.0 and 40 × 3.0 → [1, 3] (quantile docstring)', () => {
		const y = [...Array(100).fill(1), ...Array(40).fill(3)];
		const c = classify(y, { method: 'quantile', k: 4 });
		expect(c.breaks).toEqual([1, 3]);
		expect(c.counts).toEqual([100, 40]);
	});

	it('NaturalBreaks with 2 distinct values and k = 5 → bins [1, 20], counts [49, 1] (docstring)', () => {
		const x = [...Array(49).fill(1), 20];
		const c = classify(x, { method: 'naturalBreaks', k: 5 });
		expect(c.breaks).toEqual([1, 20]);
		expect(c.counts).toEqual([49, 1]);
	});

	it('BoxPlot(np.arange(100)): mapclassify bins [−49.5, 24.75, 49.5, 74.25, 148.5]; we keep an empty sixth class', () => {
		// Deliberate difference: mapclassify returns 5 classes when Q3 + 1.5·IQR ≥ max; we repeat the fence
		// so every box-plot legend has six classes (the sixth empty), stable across years.
		const c = classify(range(100), { method: 'boxPlot' });
		expectClose(c.breaks, [-49.5, 24.75, 49.5, 74.25, 148.5, 148.5]);
		expect(c.counts).toEqual([0, 25, 25, 25, 25, 0]);
	});

	it('manual breaks (UserDefined): max appended when above the last break; invalid breaks throw in German', () => {
		const c = classify([1, 5, 10, 30], { method: 'manual', breaks: [5, 20] });
		expect(c.breaks).toEqual([5, 20, 30]);
		expect(c.counts).toEqual([2, 1, 1]);
		expect(() => classify([1], { method: 'manual', breaks: [5, 5] })).toThrow('streng aufsteigend');
		expect(() => classify([1], { method: 'manual', breaks: [] })).toThrow('Klassengrenzen');
	});
});

describe('classify: edge cases', () => {
	const methods: ClassMethod[] = ['quantile', 'equalInterval', 'naturalBreaks', 'stdDev', 'boxPlot'];

	it('empty input (or only null/NaN) → no classes, lower NaN', () => {
		for (const method of methods) {
			const c = classify([null, Number.NaN, undefined], { method });
			expect(c.breaks).toEqual([]);
			expect(c.counts).toEqual([]);
			expect(Number.isNaN(c.lower)).toBe(true);
			expect(classOf(3, c)).toBeNull();
			expect(legendLabels(c)).toEqual([]);
		}
	});

	it('all-equal values → one class holding everything (except boxPlot: IQR 0, values in the Q1 class)', () => {
		for (const method of ['quantile', 'equalInterval', 'naturalBreaks', 'stdDev'] as const) {
			const c = classify([7, 7, 7], { method, k: 5 });
			expect(c.breaks).toEqual([7]);
			expect(c.counts).toEqual([3]);
		}
		const b = classify([7, 7, 7], { method: 'boxPlot' });
		expect(b.counts.reduce((s, n) => s + n, 0)).toBe(3);
	});

	it('classOf: null for null/NaN, nearest class outside the range', () => {
		const c = classify([1, 2, 3, 4], { method: 'equalInterval', k: 2 });
		expect(classOf(null, c)).toBeNull();
		expect(classOf(Number.NaN, c)).toBeNull();
		expect(classOf(-100, c)).toBe(0);
		expect(classOf(100, c)).toBe(1);
		expect(classOf(2.5, c)).toBe(0); // upper bounds are inclusive
	});

	it('SD multiples: even k cuts at the mean, odd k centres a class on the mean', () => {
		expect(sdMultiplesFor(4, 1)).toEqual([-1, 0, 1]);
		expect(sdMultiplesFor(5, 1)).toEqual([-1.5, -0.5, 0.5, 1.5]);
		expect(sdMultiplesFor(3, 0.5)).toEqual([-0.25, 0.25]);
		expect(sdMultiplesFor(6, 0.5)).toEqual([-1, -0.5, 0, 0.5, 1]);
	});
});

describe('classify: properties', () => {
	const values = fc.array(
		fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(null), fc.constant(Number.NaN)),
		{ maxLength: 80 }
	);
	const method = fc.constantFrom<ClassMethod>('quantile', 'equalInterval', 'naturalBreaks', 'stdDev', 'boxPlot');

	it('counts add up to the finite values, breaks are non-decreasing, the last break ≥ max', () => {
		fc.assert(
			fc.property(values, method, fc.integer({ min: 1, max: 9 }), (vals, m, k) => {
				const finite = vals.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
				const c = classify(vals, { method: m, k });
				expect(c.counts.reduce((s, n) => s + n, 0)).toBe(finite.length);
				expect(c.counts.length).toBe(c.breaks.length);
				c.breaks.forEach((b, i) => i > 0 && expect(b).toBeGreaterThanOrEqual(c.breaks[i - 1]));
				if (finite.length) expect(c.breaks[c.breaks.length - 1]).toBeGreaterThanOrEqual(Math.max(...finite));
				if (m === 'quantile' || m === 'equalInterval' || m === 'naturalBreaks') {
					expect(c.breaks.length).toBeLessThanOrEqual(k);
				}
				// counts agree with classOf
				const recount = c.breaks.map(() => 0);
				for (const v of finite) recount[classOf(v, c) as number]++;
				expect(recount).toEqual(c.counts);
				expect(legendLabels(c, { decimals: 2 }).length).toBe(c.breaks.length);
			})
		);
	});

	it('natural breaks are data values and k classes are formed whenever there are ≥ k distinct values', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 7 }), (vals, k) => {
				const c = classify(vals, { method: 'naturalBreaks', k });
				c.breaks.forEach((b) => expect(vals).toContain(b));
				expect(c.breaks.length).toBe(Math.min(k, new Set(vals).size));
				expect(c.counts.every((n) => n > 0)).toBe(true);
			})
		);
	});

	it('fixed across years: classifyPooled equals classify of the pooled values', () => {
		fc.assert(
			fc.property(fc.array(values, { minLength: 1, maxLength: 4 }), method, (years, m) => {
				expect(classifyPooled(years, { method: m })).toEqual(classify(poolValues(years), { method: m }));
			})
		);
	});
});

describe('legendLabels', () => {
	const c = classify([10, 12.5, 15, 18], { method: 'manual', breaks: [12.5, 18] });

	it('de-DE: "12,5 – 18,0 %" with decimal comma and a no-break space before %', () => {
		expect(legendLabels(c, { decimals: 1, unit: '%', locale: 'de-DE' })).toEqual([
			'10,0 – 12,5\u00a0%',
			'12,5 – 18,0\u00a0%'
		]);
	});

	it('en-GB: "12.5 – 18.0%"', () => {
		expect(legendLabels(c, { decimals: 1, unit: '%', locale: 'en-GB' })).toEqual(['10.0 – 12.5%', '12.5 – 18.0%']);
	});

	it('thousands grouping and per-1,000 units', () => {
		const big = classify([900, 1234.5, 5000], { method: 'manual', breaks: [1234.5, 5000] });
		expect(legendLabels(big, { decimals: 0, unit: 'je 1.000', locale: 'de-DE' })).toEqual([
			'900 – 1.235\u00a0je\u00a01.000',
			'1.235 – 5.000\u00a0je\u00a01.000'
		]);
	});

	it('box plot: empty lower-outlier class reads "≤ …", empty top class reads "> …"', () => {
		const b = classify(Array.from({ length: 100 }, (_, i) => i), { method: 'boxPlot' });
		const labels = legendLabels(b, { decimals: 1, locale: 'de-DE' });
		expect(labels[0]).toBe('≤ -49,5');
		expect(labels[5]).toBe('> 148,5');
		expect(labels[1]).toBe('0,0 – 24,8');
	});

	it('SD bands: "< −1 SD", "−1 … 0 SD", "0 … +1 SD", "> +1 SD"; half-SD bands with decimal comma', () => {
		const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
		expect(legendLabels(classify(values, { method: 'stdDev', k: 4 }))).toEqual([
			'< \u22121 SD',
			'\u22121 … 0 SD',
			'0 … +1 SD',
			'> +1 SD'
		]);
		expect(legendLabels(classify(values, { method: 'stdDev', k: 4, sdWidth: 0.5 }), { locale: 'de-DE' })).toEqual([
			'< \u22120,5 SD',
			'\u22120,5 … 0 SD',
			'0 … +0,5 SD',
			'> +0,5 SD'
		]);
		expect(legendLabels(classify(values, { method: 'stdDev', k: 3 }), { locale: 'en-GB' })).toEqual([
			'< \u22120.5 SD',
			'\u22120.5 … +0.5 SD',
			'> +0.5 SD'
		]);
	});

	it('method names in both languages', () => {
		expect(methodLabel('naturalBreaks')).toBe('Natürliche Unterbrechungen (Jenks)');
		expect(methodLabel('quantile', 'en-GB')).toBe('Quantiles');
	});
});
