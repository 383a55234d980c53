import { describe, expect, it } from 'vitest';
import { MemoryStorage } from './storage';
import { RecordStore, StoreError, type StoreKind } from './record-store';
import { diffRecords, HISTORY_LIMIT, appendHistory } from './history';

interface Item {
	id: string;
	name: string;
	tags: string[];
}

const canonical = (t: Item): Item => ({ id: t.id, name: t.name, tags: [...t.tags] });
const read = (raw: unknown): Item | null => {
	const r = raw as Item;
	return r && typeof r.id === 'string' && typeof r.name === 'string' && Array.isArray(r.tags) ? canonical(r) : null;
};
let clock = 0;
const kind: StoreKind<Item> = {
	canonical,
	read,
	newId: (taken) => `L-${taken.size + 1}`,
	validate: (t) => (t.name.trim() === '' ? [{ field: 'name', key: 'targets.err.owner' }] : []),
	history: true,
	labels: {
		create: 'targets.undo.create', update: 'targets.undo.update', remove: 'targets.undo.remove', removeAll: 'targets.undo.removeAll',
		import: 'targets.undo.import', resolve: 'targets.undo.import', notFound: 'targets.err.notFound', invalid: 'targets.err.invalid'
	},
	now: () => new Date(Date.UTC(2026, 0, 1, 12, 0, clock++))
};
const pkgV1: Item[] = [
	{ id: 'A', name: 'Kita Löwenzahn', tags: ['u3'] },
	{ id: 'B', name: 'Jugendtreff', tags: ['10_16'] },
	{ id: 'C', name: 'Elterncafé', tags: [] }
];
const open = (storage: MemoryStorage<Item>, pkg = pkgV1) => RecordStore.open(storage, pkg, kind);

describe('RecordStore', () => {
	it('counts local changes and keeps who changed which field when, across a reopen', async () => {
		const storage = new MemoryStorage<Item>();
		const s = await open(storage);
		expect(s.changeCount).toBe(0);
		await s.update({ ...s.get('A')!, name: 'Kita Pusteblume' }, 'R. Schmidt');
		const made = await s.create({ id: '', name: 'Babybesuchsdienst', tags: ['u3'] }, 'R. Schmidt');
		await s.update({ ...made, tags: ['u3', 'schwangerschaft_geburt'] }, 'K. Yilmaz');
		expect(s.changeCount).toBe(2);
		const again = await open(storage);
		expect(again.list()).toEqual(s.list());
		expect(again.origin('A')).toBe('edited');
		expect(again.origin(made.id)).toBe('local');
		expect(again.history('A')).toEqual([{ at: '2026-01-01T12:00:00.000Z', by: 'R. Schmidt', action: 'changed', changes: [{ field: 'name', from: 'Kita Löwenzahn', to: 'Kita Pusteblume' }] }]);
		expect(again.history(made.id).map((h) => [h.by, h.action, h.changes.map((c) => c.field)])).toEqual([
			['R. Schmidt', 'created', ['id', 'name', 'tags']],
			['K. Yilmaz', 'changed', ['tags']]
		]);
		expect(again.history(made.id)[1].changes[0]).toEqual({ field: 'tags', from: 'u3', to: 'u3 | schwangerschaft_geburt' });
	});

	it('drops the entry (and its history) when a package record is edited back to the package content', async () => {
		const s = await open(new MemoryStorage());
		await s.update({ ...s.get('B')!, name: 'X' });
		await s.update({ ...s.get('B')!, name: 'Jugendtreff' });
		expect(s.origin('B')).toBe('package');
		expect(s.changeCount).toBe(0);
		expect(s.history('B')).toEqual([]);
	});

	it('refuses an invalid record and writes nothing of a batch with one bad record', async () => {
		const storage = new MemoryStorage<Item>();
		const s = await open(storage);
		await expect(s.putMany([{ id: 'N1', name: 'ok', tags: [] }, { id: 'N2', name: ' ', tags: [] }], { key: 'targets.undo.import', params: { file: 'x' } })).rejects.toBeInstanceOf(StoreError);
		expect(await storage.load()).toEqual([]);
		expect(s.list().map((t) => t.id)).toEqual(['A', 'B', 'C']);
	});

	it('tells where a new package version changed or dropped what this browser changed, and keeps the local change until the planner decides', async () => {
		const storage = new MemoryStorage<Item>();
		const s = await open(storage);
		await s.update({ ...s.get('A')!, name: 'Kita Pusteblume' });
		await s.update({ ...s.get('B')!, tags: ['10_16', '16_27'] });
		await s.remove('C');
		// the next package release renames A, drops B, and leaves C as it was
		const v2: Item[] = [{ id: 'A', name: 'Kita Löwenzahn gGmbH', tags: ['u3'] }, { id: 'C', name: 'Elterncafé', tags: [] }, { id: 'D', name: 'Neu im Paket', tags: [] }];
		const next = await open(storage, v2);
		expect(next.list().map((t) => `${t.id}:${t.name}`)).toEqual(['A:Kita Pusteblume', 'D:Neu im Paket', 'B:Jugendtreff']);
		expect(next.conflicts()).toEqual([
			{ id: 'A', mine: { id: 'A', name: 'Kita Pusteblume', tags: ['u3'] }, theirs: v2[0] },
			{ id: 'B', mine: { id: 'B', name: 'Jugendtreff', tags: ['10_16', '16_27'] }, theirs: null }
		]);
		expect(next.origin('B')).toBe('local');
		expect(await next.resolveConflicts({ A: 'theirs', B: 'mine' })).toBe(2);
		expect(next.conflicts()).toEqual([]);
		expect(next.get('A')!.name).toBe('Kita Löwenzahn gGmbH');
		expect(next.get('B')!.tags).toEqual(['10_16', '16_27']);
		expect(next.history('B').at(-1)!.action).toBe('rebased');
		await next.undo();
		expect(next.conflicts().map((c) => c.id)).toEqual(['A', 'B']);
	});

	it('forgets a deletion of a record the package no longer has', async () => {
		const storage = new MemoryStorage<Item>();
		const s = await open(storage);
		await s.remove('C');
		const next = await open(storage, pkgV1.slice(0, 2));
		expect(next.changeCount).toBe(0);
		expect(next.conflicts()).toEqual([]);
	});

	it('reads entries older versions wrote under "target" and skips damaged ones', async () => {
		const storage = new MemoryStorage<Item>([
			{ id: 'B', seq: 1, target: null },
			{ id: 'X', seq: 2, record: { id: 'Y', name: 'falsche Kennung', tags: [] } },
			{ id: 'Z', seq: 3, record: { id: 'Z', name: 'gut', tags: [] }, history: [{ at: 'x' }, { at: '2026-01-01', by: '', action: 'created', changes: [] }] },
			{ seq: 4 }
		]);
		const s = await open(storage);
		expect(s.list().map((t) => t.id)).toEqual(['A', 'C', 'Z']);
		expect(s.history('Z')).toHaveLength(1);
	});
});

describe('history', () => {
	it('lists changed fields with display text, lists joined and long values cut', () => {
		expect(diffRecords({ a: 1, b: ['x', 'y'], c: null }, { a: 1, b: ['x'], c: 'neu', d: 'x'.repeat(400) }).map((c) => [c.field, c.from, c.to.length])).toEqual([
			['b', 'x | y', 1],
			['c', '', 3],
			['d', '', 301]
		]);
	});

	it(`keeps the newest ${HISTORY_LIMIT} items`, () => {
		let h = appendHistory(undefined, { at: '0', by: '', action: 'created', changes: [] });
		for (let i = 1; i <= HISTORY_LIMIT; i++) h = appendHistory(h, { at: String(i), by: '', action: 'changed', changes: [] });
		expect(h).toHaveLength(HISTORY_LIMIT);
		expect(h[0].at).toBe('1');
	});
});
