import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '$lib/store/storage';
import { planImport } from '$lib/store/import-plan';
import { decodeMeasures, MeasuresFileError, measuresCsv } from './file-format';
import { byStatus, measuresFor, type MeasureRecord } from './model';
import { openMeasureStore } from './measures.svelte';

const ctx = { targetIds: () => new Set(['FZ01', 'FZ02', 'Z-ABC123']), offerIds: () => new Set(['A001', 'L-XYZ789']) };
const m = (over: Partial<MeasureRecord> = {}): MeasureRecord => ({
	id: 'M01', name: 'BuT-Lotsen im Quartier', target_ids: ['FZ01'], offer_ids: ['A001'], responsible: 'Jobcenter, mit dem Sozialamt',
	start: '2026-09-01', end: null, status: 'planned', description: 'Hilfe beim Antrag; "Bildung und Teilhabe"', ...over
});
const enc = (s: string) => new TextEncoder().encode(s);

describe('measures', () => {
	it('round-trips through measures.csv, with a draft target and a local offer', async () => {
		const s = await openMeasureStore(new MemoryStorage(), [m()], ctx);
		await s.create(m({ id: '', name: 'Elterncafé im Familienzentrum', target_ids: ['FZ01', 'Z-ABC123'], offer_ids: ['L-XYZ789'], status: 'running', start: '2025-01-15', end: '2027-12-31', description: '' }));
		const csv = measuresCsv(s.list());
		expect(csv.split('\n')[0]).toBe('id,name,target_ids,offer_ids,responsible,start,end,status,description');
		const back = decodeMeasures('measures.csv', enc(csv), ctx);
		expect(back).toEqual(s.list());
		expect(planImport('measures.csv', back, s.list(), (a, b) => s.same(a, b)).identical).toHaveLength(2);
	});

	it('names file, row and column of the first problem', () => {
		const csv = measuresCsv([m(), m({ id: 'M02', target_ids: ['FZ09'] })]);
		expect(() => decodeMeasures('massnahmen.csv', enc(csv), ctx)).toThrow(new MeasuresFileError('massnahmen.csv, Zeile 3, Spalte „target_ids“: Das Feinziel „FZ09“ gibt es nicht.'));
		expect(() => decodeMeasures('m.csv', enc(measuresCsv([m()]).replace('planned', 'geplant')), ctx)).toThrow('m.csv, Zeile 2, Spalte „status“: „geplant“ ist kein zulässiger Wert (erlaubt: planned, running, completed, suspended).');
		expect(() => decodeMeasures('m.csv', enc(measuresCsv([m({ end: '2026-01-01' })])), ctx)).toThrow('m.csv, Zeile 2, Spalte „end“: Das Ende liegt vor dem Beginn.');
	});

	it('refuses a measure without a target or a responsible body', async () => {
		const s = await openMeasureStore(new MemoryStorage(), [], ctx);
		const err = await s.create(m({ id: '', target_ids: [], responsible: ' ' })).catch((e) => e);
		expect(err.issues.map((i: { field: string }) => i.field)).toEqual(['target_ids', 'responsible']);
	});

	it('lists a target’s measures running first, then planned, suspended, completed', () => {
		const list = [m({ id: 'a', status: 'completed' }), m({ id: 'b', status: 'planned', start: '2027-01-01' }), m({ id: 'c', status: 'running' }), m({ id: 'd', status: 'planned', start: '2026-01-01' }), m({ id: 'e', target_ids: ['FZ02'] }), m({ id: 'f', status: 'suspended' })];
		expect(measuresFor(list, 'FZ01').map((x) => x.id)).toEqual(['c', 'd', 'b', 'f', 'a']);
		expect([...list].sort(byStatus)[0].id).toBe('c');
	});
});
