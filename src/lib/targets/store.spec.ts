import { describe, expect, it } from 'vitest';
import type { Target } from '$lib/data/types';
import { MemoryStorage } from './storage';
import { StoreError, TargetStore } from './store';
import { TargetsFileError } from './file-format';
import { validateTarget, type TargetContext } from './validate';
import type { TargetRecord } from './model';
import { ctx } from './spec-fixtures';

const pkg: Target[] = [
	{ id: 'FZ01', indicator_id: 'quote', scope_type: 'sozialraum', scope_keys: ['0101'], baseline_year: 2020, baseline_value: 40.797721, target_value: 25, target_year: 2030, owner: 'Jugendamt, Abt. 51', decision: 'JHA 2021/045', note: 'Text mit "Anführungszeichen", Komma\nund Zeilenumbruch', status: 'adopted' },
	{ id: 'FZ02', indicator_id: 'betreuung', scope_type: 'city', scope_keys: [], baseline_year: 2020, baseline_value: 25.5, target_value: 45, target_year: 2028, owner: 'Jugendamt', decision: 'Rat 2021/112', note: '', status: 'adopted' }
];
const draft = (over: Partial<TargetRecord> = {}): TargetRecord => ({
	id: '', indicator_id: 'quote', scope_type: 'sozialraum', scope_keys: ['0101', '0102'], baseline_year: 2022, baseline_value: 30.25,
	target_value: 27.2, target_year: 2029, owner: 'Jobcenter', decision: '', note: '', status: 'draft', rule: { kind: 'percent', delta: -10 }, ...over
});
const validate = (t: TargetRecord) => validateTarget(t, ctx as TargetContext);
const open = (storage = new MemoryStorage()) => TargetStore.open(storage, pkg, validate);
const ids = (s: TargetStore) => s.list().map((t) => t.id);

describe('TargetStore', () => {
	it('shows the package targets, then own drafts, and keeps drafts across a reopen', async () => {
		const storage = new MemoryStorage();
		const s = await open(storage);
		const a = await s.create(draft());
		expect(a.id).toMatch(/^Z-[0-9A-Z]{6}$/);
		expect(ids(s)).toEqual(['FZ01', 'FZ02', a.id]);
		const again = await open(storage);
		expect(again.list()).toEqual(s.list());
		expect(again.origin('FZ01')).toBe('package');
		expect(again.origin(a.id)).toBe('local');
	});

	it('skips damaged stored entries instead of failing', async () => {
		const storage = new MemoryStorage([
			{ id: 'X', seq: 1, record: { id: 'X' } as unknown as TargetRecord },
			{ id: 'FZ02', seq: 2, target: null }
		]);
		expect(ids(await open(storage))).toEqual(['FZ01']);
	});

	it('refuses an invalid target with the issues and stores nothing', async () => {
		const storage = new MemoryStorage();
		const s = await open(storage);
		const err = await s.create(draft({ target_year: 2021, owner: ' ' })).catch((e) => e);
		expect(err).toBeInstanceOf(StoreError);
		expect((err as StoreError).issues.map((i) => i.key)).toEqual(['targets.err.yearOrder', 'targets.err.owner']);
		expect(await storage.load()).toEqual([]);
	});

	it('undoes create, edit, delete and delete-all, one step each', async () => {
		const s = await open();
		const before = s.list();
		const a = await s.create(draft());
		await s.update({ ...s.get('FZ01')!, owner: 'Neue Stelle' });
		expect(s.origin('FZ01')).toBe('edited');
		await s.remove('FZ02');
		expect(ids(s)).toEqual(['FZ01', a.id]);
		expect(await s.removeAll()).toBe(2);
		expect(s.list()).toEqual([]);
		expect(s.undoLabel).toEqual({ key: 'targets.undo.removeAll', params: { n: 2 } });
		await s.undo();
		expect(ids(s)).toEqual(['FZ01', a.id]);
		await s.undo();
		expect(ids(s)).toEqual(['FZ01', 'FZ02', a.id]);
		await s.undo();
		expect(s.get('FZ01')!.owner).toBe('Jugendamt, Abt. 51');
		expect(s.origin('FZ01')).toBe('package');
		await s.undo();
		expect(s.list()).toEqual(before);
		expect(await s.undo()).toBeNull();
	});

	it('keeps memory and storage consistent when a write fails', async () => {
		const storage = new MemoryStorage();
		const s = await open(storage);
		storage.failNext = true;
		await expect(s.remove('FZ01')).rejects.toThrow();
		expect(ids(s)).toEqual(['FZ01', 'FZ02']);
		expect(s.undoLabel).toBeNull();
	});

	it('serialises concurrent changes', async () => {
		const s = await open();
		const made = await Promise.all([s.create(draft()), s.create(draft({ note: 'b' })), s.remove('FZ02')]);
		expect(ids(s)).toEqual(['FZ01', made[0].id, made[1].id]);
	});

	it.each(['json', 'csv'] as const)('round-trips through %s export and import losslessly', async (format) => {
		const s = await open();
		await s.create(draft());
		await s.create(draft({ scope_type: 'stadtbezirk', scope_keys: ['01'], rule: { kind: 'gap', factor: 0.5, reference: 20.1 }, baseline_value: 30.25, target_value: 25.2, owner: 'Amt; mit Semikolon' }));
		await s.create(draft({ rule: { kind: 'points', delta: -3 }, target_value: 27.3, baseline_value: 30.25 }));
		await s.update({ ...s.get('FZ02')!, note: 'lokal geändert' });
		const before = s.list();
		const file = format === 'json' ? s.exportJson() : s.exportCsv();
		await s.removeAll();
		const plan = s.prepareImport(`ziele.${format}`, file);
		expect(plan.conflicts).toEqual([]);
		const result = await s.commitImport(plan, {});
		expect(result.added).toBe(before.length);
		expect(s.list()).toEqual(before);
		// and into a fresh browser
		const other = await open();
		await other.commitImport(other.prepareImport(`ziele.${format}`, file), { FZ02: 'theirs' });
		expect(other.list()).toEqual(before);
	});

	it('returns conflicts and applies one choice per conflict, never overwriting silently', async () => {
		const s = await open();
		const mine = await s.create(draft({ note: 'meins' }));
		const file = JSON.stringify({ format: 'sozialraum-monitor/feinziele', version: 1, targets: [
			{ ...pkg[0], rule: { kind: 'absolute' } },
			{ ...pkg[1], owner: 'Andere Stelle', rule: { kind: 'absolute' } },
			{ ...mine, note: 'deins' },
			{ ...draft({ note: 'neu' }), id: 'X-1' }
		] });
		const plan = s.prepareImport('ziele.json', file);
		expect(plan.identical.map((t) => t.id)).toEqual(['FZ01']);
		expect(plan.fresh.map((t) => t.id)).toEqual(['X-1']);
		expect(plan.conflicts.map((c) => [c.id, c.mine.owner, c.theirs.owner])).toEqual([['FZ02', 'Jugendamt', 'Andere Stelle'], [mine.id, 'Jobcenter', 'Jobcenter']]);
		await expect(s.commitImport(plan, { FZ02: 'theirs' })).rejects.toThrow(StoreError);
		expect(s.get('FZ02')!.owner).toBe('Jugendamt');
		const r = await s.commitImport(plan, { FZ02: 'mine', [mine.id]: 'both' });
		expect(r).toEqual({ added: 1, replaced: 0, kept: 1, duplicated: 1, unchanged: 1 });
		expect(s.get(mine.id)!.note).toBe('meins');
		expect(s.list().filter((t) => t.note === 'deins')).toHaveLength(1);
		expect(s.get('FZ02')!.owner).toBe('Jugendamt');
		await s.undo();
		expect(s.list().map((t) => t.note)).toEqual([pkg[0].note, '', 'meins']);
		const r2 = await s.commitImport(s.prepareImport('ziele.json', file), { FZ02: 'theirs', [mine.id]: 'theirs' });
		expect(r2.replaced).toBe(2);
		expect(s.get('FZ02')!.owner).toBe('Andere Stelle');
	});

	it('rejects a malformed file with a German message naming file, row and column, and changes nothing', async () => {
		const s = await open();
		await s.create(draft());
		const before = s.list();
		const csv = s.exportCsv().replace(',2029,', ',20x9,');
		const err = (() => { try { s.prepareImport('meine-ziele.csv', csv); } catch (e) { return e; } })() as TargetsFileError;
		expect(err).toBeInstanceOf(TargetsFileError);
		expect(err.message).toBe('meine-ziele.csv, Zeile 4, Spalte „target_year“: „20x9“ ist keine ganze Zahl.');
		const unknown = s.exportCsv().replace(',quote,sozialraum,0101|0102,', ',quote,sozialraum,0101|0999,');
		expect(() => s.prepareImport('z.csv', unknown)).toThrow('z.csv, Zeile 4, Spalte „scope_keys“: Das Gebiet „0999“ gibt es auf der Ebene „sozialraum“ nicht.');
		expect(() => s.prepareImport('z.json', '{"format": "sozialraum-monitor/feinziele", "version": 1, "targets": [{"id": "A"}]}'))
			.toThrow('z.json, Ziel 1 (A), Feld „indicator_id“: Das Feld fehlt.');
		expect(() => s.prepareImport('kaputt.json', '{"targets": [')).toThrow(/^kaputt\.json: Die Datei ist kein gültiges JSON/);
		expect(s.list()).toEqual(before);
	});
});
