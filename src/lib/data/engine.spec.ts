import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from './connector-node';
import { MonitorEngine } from './engine';
import { packageSourceFromDir } from './source-node';

// One engine per file: instantiating the wasm takes about a second.
let engine: MonitorEngine;
beforeAll(async () => {
	engine = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir('tests/fixtures/mini'));
});

const byKey = <T extends { area_key: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.area_key, r]));

describe('MonitorEngine on the real DuckDB-wasm engine', () => {
	it('keeps area keys as text with their leading zeros', async () => {
		const areas = await engine.areas();
		expect(areas.map((a) => a.key)).toEqual(['0101', '0102', '0201', '0202', '01', '02']);
		expect(areas.find((a) => a.key === '0102')?.name).toBe('Hafen/Süd');
	});

	it('returns every base area for an indicator and year, with flags for missing and suppressed cells', async () => {
		const rows = byKey(await engine.valuesFor('armut', 2024));
		expect(Object.keys(rows)).toEqual(['0101', '0102', '0201', '0202']);
		expect(rows['0101']).toMatchObject({ value: 25, numerator: 250, denominator: 1000, flag: '' });
		expect(rows['0201']).toMatchObject({ value: null, flag: 'missing' });
		// numerator 2 < minNumerator 3: the numbers never leave the engine (primary)
		expect(rows['0202']).toMatchObject({ value: null, numerator: null, denominator: null, flag: 'suppressed' });
		// Secondary, worked by hand: Bezirk 02 = 0201 (no data) + 0202 (hidden), so the total 02 would
		// reveal 0202 and is hidden; the city = 01 + 02 then has one unknown, so 01 is hidden too;
		// 01 = 0101 + 0102 with a hidden total needs a hidden child: the smaller one, 0102 (60 < 250).
		expect(rows['0102']).toMatchObject({ value: null, numerator: null, flag: 'suppressed' });
	});

	it('shows the source flag of a published cell', async () => {
		const rows = byKey(await engine.valuesFor('armut', 2023));
		expect(rows['0102']).toMatchObject({ value: 10, flag: '' });
		const betreuung = byKey(await engine.valuesFor('betreuung', 2024));
		expect(betreuung['0101']).toMatchObject({ value: 30, flag: '' });
	});

	it('suppresses on a small denominator too, but shows a true zero', async () => {
		const rows = byKey(await engine.valuesFor('betreuung', 2024));
		expect(rows['0202']).toMatchObject({ value: 0, numerator: 0, denominator: 30, flag: '' });
		const r2023 = byKey(await engine.valuesFor('armut', 2023));
		expect(r2023['0202'].flag).toBe('suppressed'); // denominator 10 < 20 as well
	});

	it('marks areas without any row for that year as missing', async () => {
		const rows = byKey(await engine.valuesFor('betreuung', 2023));
		expect(Object.values(rows).every((r) => r.flag === 'missing' && r.value === null)).toBe(true);
	});

	it('computes the city reference from summed numerators and denominators, not the mean of rates', async () => {
		const ref = await engine.referenceSeries('armut');
		expect(ref.map((r) => r.year)).toEqual([2023, 2024]);
		// 2023: (200+50+400+2)/(1000+500+1000+10); the mean of the four rates would be 22.5
		expect(ref[0].value).toBeCloseTo((652 / 2510) * 100, 10);
		expect(ref[0].areas_used).toBe(4);
		// 2024: the missing area is left out of both sums
		expect(ref[1].value).toBeCloseTo((312 / 1525) * 100, 10);
		expect(ref[1].areas_used).toBe(3);
	});

	it('computes a Stadtbezirk reference over its own Sozialräume only, and withholds a hidden total', async () => {
		const ref = await engine.referenceSeries('armut', '01');
		expect(ref.find((r) => r.year === 2023)?.value).toBeCloseTo((250 / 1500) * 100, 10);
		// 2024: total 01 is withheld (secondary suppression, see above)
		expect(ref.find((r) => r.year === 2024)).toMatchObject({ value: null, numerator: null, denominator: null });
	});

	it('returns the published values of all years, suppressed ones as null', async () => {
		const values = await engine.valuesAllYears('armut');
		expect(values).toHaveLength(8);
		// 2023: 0202 (primary) and its only sibling 0201 (secondary); 2024: 0202, 0102, and 0201 (missing)
		expect(values.filter((v) => v === null)).toHaveLength(5);
		expect(values).toContain(25);
	});

	it('sums a series over several areas, suppressing a small aggregate like a cell', async () => {
		const s = await engine.aggregateSeries('armut', ['0101', '0102']);
		expect(s.find((p) => p.year === 2023)).toMatchObject({ value: (250 / 1500) * 100, numerator: 250, denominator: 1500, flag: '' });
		// 2024: 0102 is withheld (secondary) and 0101 published: 310 − 250 would give 0102 away
		expect(s.find((p) => p.year === 2024)).toMatchObject({ value: null, numerator: null, flag: 'suppressed' });
		const tiny = await engine.aggregateSeries('armut', ['0202']);
		expect(tiny.every((p) => p.flag === 'suppressed' && p.value === null)).toBe(true);
		expect(await engine.aggregateSeries('armut', [])).toEqual([]);
	});

	it('returns the series of one area with suppression applied per year', async () => {
		const s = await engine.seriesFor('0202', 'armut');
		expect(s.map((p) => [p.year, p.flag, p.value])).toEqual([
			[2023, 'suppressed', null],
			[2024, 'suppressed', null]
		]);
	});

	it('reads the catalogue, offers and targets with their list fields', async () => {
		const ind = await engine.indicators();
		expect(ind.map((i) => i.id)).toEqual(['armut', 'betreuung']);
		expect(ind[0]).toMatchObject({ multiplier: 100, decimals: 1, polarity: 'higher_is_worse' });
		const offers = await engine.offers();
		expect(offers[0].life_phases).toEqual(['u3', '3_6']);
		expect(offers[1].topics).toEqual([]);
		expect(offers[1].places).toBeNull();
		const targets = await engine.targets();
		expect(targets.map((t) => t.scope_keys)).toEqual([['0201'], []]);
		expect(await engine.years('armut')).toEqual([2023, 2024]);
		expect(await engine.yearsByIndicator()).toEqual({ armut: [2023, 2024], betreuung: [2024] });
	});

	it('treats a quote in a value as a parameter, not as SQL', async () => {
		expect(await engine.valuesFor("armut' OR '1'='1", 2024)).toSatisfy((rows: { flag: string }[]) =>
			rows.every((r) => r.flag === 'missing')
		);
	});
});
