import { describe, expect, it } from 'vitest';
import { tableWindow } from './table-window';

const rows = Array.from({ length: 500 }, (_, i) => ({ key: String(i).padStart(4, '0'), name: i === 321 ? 'Östliche Altstadt' : `Block ${i}` }));
const base = { rows, limit: 200, query: '', selected: null, key: (r: (typeof rows)[number]) => r.key, name: (r: (typeof rows)[number]) => r.name };

describe('tableWindow', () => {
	it('shows the first rows in the given order and counts the rest', () => {
		const w = tableWindow(base);
		expect(w.shown).toHaveLength(200);
		expect(w.shown[0].key).toBe('0000');
		expect(w.shown[199].key).toBe('0199');
		expect(w).toMatchObject({ matched: 500, hidden: 300, pinned: false });
	});

	it('pins the selected row after the first rows when it sorts further down, once', () => {
		const w = tableWindow({ ...base, selected: '0450' });
		expect(w.shown).toHaveLength(201);
		expect(w.shown.at(-1)!.key).toBe('0450');
		expect(w).toMatchObject({ hidden: 299, pinned: true });
		// already among the first rows: not repeated
		const near = tableWindow({ ...base, selected: '0010' });
		expect(near.shown).toHaveLength(200);
		expect(near.pinned).toBe(false);
		// unknown key: nothing pinned
		expect(tableWindow({ ...base, selected: 'xxxx' }).shown).toHaveLength(200);
	});

	it('shows everything when the limit covers the set', () => {
		const w = tableWindow({ ...base, limit: 500, selected: '0450' });
		expect(w.shown).toHaveLength(500);
		expect(w).toMatchObject({ matched: 500, hidden: 0, pinned: false });
	});

	it('searches names case-insensitively (German rules) and keys, keeping the order', () => {
		expect(tableWindow({ ...base, query: 'östlich' }).shown.map((r) => r.key)).toEqual(['0321']);
		expect(tableWindow({ ...base, query: '  ÖSTLICHE ' }).shown.map((r) => r.key)).toEqual(['0321']);
		const byKey = tableWindow({ ...base, query: '049' });
		expect(byKey.shown.map((r) => r.key)).toEqual(['0049', ...Array.from({ length: 10 }, (_, i) => `049${i}`)]);
		expect(byKey.matched).toBe(11);
		// "Block 12" matches 12 and 120–129 (not 412): only matching rows, in order, and the window applies to them
		const w = tableWindow({ ...base, query: 'block 12', limit: 5 });
		expect(w.shown.map((r) => r.name)).toEqual(['Block 12', 'Block 120', 'Block 121', 'Block 122', 'Block 123']);
		expect(w.matched).toBe(11);
	});

	it('pins the selected row only if it matches the search', () => {
		const w = tableWindow({ ...base, query: 'block 4', limit: 3, selected: '0321' });
		expect(w.shown.map((r) => r.key)).not.toContain('0321');
		const m = tableWindow({ ...base, query: 'block 4', limit: 3, selected: '0499' });
		expect(m.shown.at(-1)!.key).toBe('0499');
		expect(m.pinned).toBe(true);
	});
});
