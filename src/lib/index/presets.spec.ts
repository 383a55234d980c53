import { describe, expect, it } from 'vitest';
import { CURRENT_KEY, deletePreset, exportJson, importJson, loadCurrent, loadPresets, parseSettings, savePreset, saveCurrent } from './presets';
import { settings } from './fixtures';

function memory(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('index presets', () => {
	it('round-trips through JSON export and import', () => {
		const s = { ...settings({ x: 2, y: 1 }), name: 'Kinderarmut 2025' };
		s.indicators.push({ id: 'n', weight: 1, orientation: 'higher_is_worse' });
		expect(importJson(exportJson(s), new Set(['x', 'y', 'n']))).toEqual({ settings: s, dropped: [] });
	});

	it('drops indicators this data package does not have, and rejects broken files', () => {
		const r = importJson(exportJson(settings({ x: 1, q: 1 })), new Set(['x']));
		expect(r.dropped).toEqual(['q']);
		expect(r.settings!.indicators.map((i) => i.id)).toEqual(['x']);
		expect(importJson('{', new Set()).settings).toBeNull();
		expect(importJson(JSON.stringify({ format: 'other', settings: settings({ x: 1 }) }), new Set(['x'])).settings).toBeNull();
		expect(parseSettings({ ...settings({ x: 1 }), statusCuts: [1, 0, 2] })).toBeNull();
		expect(parseSettings({ ...settings({ x: 1 }), method: 'magic' })).toBeNull();
		expect(parseSettings({ ...settings({ x: -1 }) })).toBeNull();
	});

	it('keeps presets by name in the browser store and remembers the current settings', () => {
		const store = memory();
		savePreset(store, { ...settings({ x: 1 }), name: 'A' });
		savePreset(store, { ...settings({ x: 2 }), name: 'B' });
		expect(savePreset(store, { ...settings({ x: 3 }), name: 'A' }).map((p) => [p.name, p.indicators[0].weight])).toEqual([['B', 2], ['A', 3]]);
		expect(deletePreset(store, 'B').map((p) => p.name)).toEqual(['A']);
		expect(loadPresets(store)).toHaveLength(1);
		saveCurrent(store, settings({ x: 5 }));
		expect(loadCurrent(store)!.indicators[0].weight).toBe(5);
		store.data.set(CURRENT_KEY, 'not json');
		expect(loadCurrent(store)).toBeNull();
	});
});
