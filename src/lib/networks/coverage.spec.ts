import { describe, expect, it } from 'vitest';
import type { AreaInfo } from '$lib/data/engine';
import { CORE_TYPES, coverageColor, COVERAGE_COLORS, networkCoverage } from './coverage';
import type { NetworkRecord } from './model';

const a = (key: string, level: string, parent: string): AreaInfo => ({ key, name: `Gebiet ${key}`, level, parent });
// a Kreis: two Gemeinden with two Ortsteile each
const AREAS = [a('0101', 'ortsteil', '01'), a('0102', 'ortsteil', '01'), a('0201', 'ortsteil', '02'), a('0202', 'ortsteil', '02'), a('01', 'gemeinde', 'K'), a('02', 'gemeinde', 'K'), a('K', 'kreis', '')];
const LEVELS = ['ortsteil', 'gemeinde', 'kreis'];
const net = (id: string, level: string, area_key: string, types: string[], dates: string[] = []): NetworkRecord => ({
	id, name: id, level, area_key, coordinator: '', description: '',
	members: types.map((type) => ({ institution: `${type} ${id}`, tier: 'operativ', type: type as never, type_label: type === 'sonstige' ? 'Tafel' : '' })),
	meetings: dates.map((date) => ({ date, topic: '' }))
});

describe('networkCoverage', () => {
	const networks = [net('G1', 'gemeinde', '01', [...CORE_TYPES], ['2024-03-01', '2025-03-01']), net('O22', 'ortsteil', '0202', ['kita', 'polizei', 'sonstige'])];

	it('covers a Gemeinde and all its Ortsteile, and lists a network inside a Gemeinde as within', () => {
		const g = networkCoverage(AREAS, LEVELS, 'gemeinde', networks);
		expect(g.map((c) => [c.key, c.status, c.networks.map((n) => n.id), c.within.map((n) => n.id)])).toEqual([
			['01', 'complete', ['G1'], []],
			['02', 'within', [], ['O22']]
		]);
		expect(g[0].lastMeeting).toBe('2025-03-01');
		const o = networkCoverage(AREAS, LEVELS, 'ortsteil', networks);
		expect(o.map((c) => [c.key, c.status])).toEqual([['0101', 'complete'], ['0102', 'complete'], ['0201', 'none'], ['0202', 'gaps']]);
		expect(o[3].present).toEqual(['kita', 'polizei']);
		expect(o[3].missing).toHaveLength(CORE_TYPES.length - 2);
		expect(o[3].others).toEqual(['Tafel']);
	});

	it('sees the whole Kreis as within when only parts of it have networks', () => {
		expect(networkCoverage(AREAS, LEVELS, 'kreis', networks).map((c) => c.status)).toEqual(['within']);
		expect(networkCoverage(AREAS, LEVELS, 'nope', networks)).toEqual([]);
	});

	it('colours many gaps lighter than a few, and no network in orange', () => {
		expect(coverageColor({ status: 'gaps', missing: CORE_TYPES.slice(0, 1) })).toBe(COVERAGE_COLORS.gaps);
		expect(coverageColor({ status: 'gaps', missing: CORE_TYPES.slice(0, 6) })).toBe(COVERAGE_COLORS.manyGaps);
		expect(coverageColor({ status: 'none', missing: [] })).toBe(COVERAGE_COLORS.none);
	});
});
