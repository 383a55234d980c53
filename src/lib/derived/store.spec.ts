import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '$lib/store/storage';
import { DerivedFileError, toJson } from './file-format';
import type { DerivedRecord } from './model';
import { DerivedStore } from './store';

const rec = (over: Partial<DerivedRecord> = {}): DerivedRecord => ({
	id: '', label_de: 'Betreuungsquote unter 6', label_en: 'Childcare rate under 6', unit: '%', polarity: 'higher_is_better', life_phase: '3_6',
	topic: 'Kindertagesbetreuung', decimals: 1, definition_de: 'Kinder unter 6 in Betreuung', definition_en: '', numerator_label_de: 'betreute Kinder',
	denominator_label_de: 'Kinder unter 6', formula: 'zaehler = betreuung_u3.zaehler + kita_3_6.zaehler; nenner = betreuung_u3.nenner + kita_3_6.nenner; faktor = 100; typ = anteil',
	...over
});
const pkg = [rec({ id: 'eigen_paket', label_de: 'Aus dem Paket' })];
const ids = (s: DerivedStore) => s.list().map((r) => r.id);

describe('DerivedStore (the shared record store with derived records)', () => {
	it('names a new indicator after its label, keeps it across a reopen, after the package’s', async () => {
		const storage = new MemoryStorage<DerivedRecord>();
		const s = await DerivedStore.open(storage, pkg);
		const a = await s.create(rec());
		expect(a.id).toBe('eigen_betreuungsquote_unter_6');
		const b = await s.create(rec());
		expect(b.id).toBe('eigen_betreuungsquote_unter_6_2');
		const again = await DerivedStore.open(storage, pkg);
		expect(ids(again)).toEqual(['eigen_paket', a.id, b.id]);
		expect(again.origin('eigen_paket')).toBe('package');
		expect(again.origin(a.id)).toBe('local');
	});

	it('undoes create, edit and delete one step each; deleting a package indicator hides it', async () => {
		const s = await DerivedStore.open(new MemoryStorage<DerivedRecord>(), pkg);
		const a = await s.create(rec());
		await s.update({ ...a, label_de: 'Neu' });
		await s.remove('eigen_paket');
		expect(ids(s)).toEqual([a.id]);
		expect(s.undoLabel).toEqual({ key: 'derived.undo.remove', params: { id: 'eigen_paket' } });
		await s.undo();
		expect(s.origin('eigen_paket')).toBe('package');
		await s.undo();
		expect(s.get(a.id)!.label_de).toBe('Betreuungsquote unter 6');
		await s.undo();
		expect(ids(s)).toEqual(['eigen_paket']);
		expect(await s.undo()).toBeNull();
	});

	it('a failed write changes nothing', async () => {
		const storage = new MemoryStorage<DerivedRecord>();
		const s = await DerivedStore.open(storage);
		storage.failNext = true;
		await expect(s.create(rec())).rejects.toThrow();
		expect(s.list()).toEqual([]);
		expect(s.undoLabel).toBeNull();
	});

	it('export → import gives the same list; a changed definition with a taken id comes in as a copy, never overwriting', async () => {
		const s = await DerivedStore.open(new MemoryStorage<DerivedRecord>());
		const a = await s.create(rec());
		const file = s.exportJson(new Date('2026-03-01T00:00:00Z'));
		expect(JSON.parse(file)).toMatchObject({ format: 'sozialraum-monitor/eigene-indikatoren', version: 1, indicators: [{ id: a.id }] });
		const other = await DerivedStore.open(new MemoryStorage<DerivedRecord>());
		expect(await other.importRecords('x.json', other.decode('x.json', file))).toEqual({ added: 1, unchanged: 0, copied: [] });
		expect(other.list()).toEqual(s.list());
		const changed = toJson([{ ...a, decimals: 2 }]);
		expect(await other.importRecords('y.json', other.decode('y.json', changed))).toEqual({ added: 0, unchanged: 0, copied: [{ from: a.id, to: `${a.id}_2` }] });
		expect(other.get(a.id)!.decimals).toBe(1);
		expect(await other.importRecords('x.json', other.decode('x.json', file))).toEqual({ added: 0, unchanged: 1, copied: [] });
		await other.undo();
		expect(ids(other)).toEqual([a.id]);
	});

	it('refuses a broken file with a German message naming file, entry and field, and changes nothing', async () => {
		const s = await DerivedStore.open(new MemoryStorage<DerivedRecord>());
		const bad = JSON.stringify({ format: 'sozialraum-monitor/eigene-indikatoren', version: 1, indicators: [{ ...rec({ id: 'eigen_a' }) }, { ...rec({ id: 'eigen_b' }), decimals: '1' }] });
		const err = (() => {
			try {
				s.decode('eigene.json', bad);
			} catch (e) {
				return e;
			}
		})();
		expect(err).toBeInstanceOf(DerivedFileError);
		expect((err as Error).message).toBe('eigene.json, Eintrag 2 („eigen_b“), Feld „decimals“: Erwartet wird eine ganze Zahl.');
		expect(() => s.decode('a.json', '{')).toThrow(/^a\.json: Die Datei ist kein gültiges JSON/);
		expect(() => s.decode('a.json', JSON.stringify({ format: 'sozialraum-monitor/feinziele', version: 1 }))).toThrow('a.json: Das ist keine Datei mit eigenen Indikatoren');
		expect(s.list()).toEqual([]);
	});

	it('reads what the first version of this store wrote (records under `target`)', async () => {
		const own = { ...rec({ id: 'eigen_alt' }) };
		const s = await DerivedStore.open(new MemoryStorage<DerivedRecord>([{ id: 'eigen_alt', seq: 1, target: own }, { id: 'eigen_paket', seq: 2, target: null }]), pkg);
		expect(ids(s)).toEqual(['eigen_alt']);
		expect(s.origin('eigen_alt')).toBe('local');
	});
});
