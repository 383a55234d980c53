import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import type { MessageKey } from '$lib/i18n/messages';
import { matrixCsv } from './export';
import { buildMatrix } from './matrix';
import { coverageByArea } from './coverage';
import { offer } from './fixtures';

const t = (key: MessageKey, p?: Record<string, string | number>) => translate('de', key, p);

describe('matrix CSV', () => {
	it('writes one row per area and phase, German headers, and neutralises formula-like names', () => {
		const areas = [{ key: '0101', name: '=Altstadt', parent: '01' }];
		const pop = [{ area_key: '0101', age_group: '0_2', persons: 200 }];
		const rows = buildMatrix({ areas, need: new Map(), coverage: coverageByArea([offer('1', '0101', ['u3'])], ['0101'], pop), method: 'tercile', measure: 'offers', placesPhases: new Set() });
		const csv = matrixCsv(rows, t);
		const lines = csv.slice(1).split('\r\n');
		expect(csv.startsWith('\uFEFFSozialraum;Schlüssel;Lebensphase;')).toBe(true);
		expect(lines).toHaveLength(1 + 6 + 1); // header, 6 phases, trailing empty
		// u3: 1 offer / 200 children × 1,000 = 5 per 1,000; no need score → no category
		expect(lines[2]).toBe("'=Altstadt;0101;Unter 3 Jahre;;;0;200;1;0;5;je 1.000;mittel;keine Angabe");
	});
});
