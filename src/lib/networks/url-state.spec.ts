import { describe, expect, it } from 'vitest';
import { defaultLevel, networksSearch, parseNetworksView } from './url-state';

const LEVELS = ['sozialraum', 'stadtbezirk', 'stadt'];

describe('networks view in the URL', () => {
	it('round-trips level and network, leaving defaults out', () => {
		const v = { level: 'sozialraum', network: 'N02' };
		const q = networksSearch(v, LEVELS);
		expect(q).toBe('?ebene=sozialraum&netzwerk=N02');
		expect(parseNetworksView(new URLSearchParams(q), LEVELS, new Set(['N02']))).toEqual(v);
		expect(networksSearch({ level: 'stadtbezirk', network: null }, LEVELS)).toBe('');
	});

	it('falls back to the defaults for what the package does not have', () => {
		expect(parseNetworksView(new URLSearchParams('ebene=gemeinde&netzwerk=X'), LEVELS, new Set())).toEqual({ level: 'stadtbezirk', network: null });
		expect(defaultLevel(['quartier', 'stadt'])).toBe('quartier');
		expect(defaultLevel(['ortsteil', 'gemeinde', 'kreis'])).toBe('gemeinde');
	});
});
