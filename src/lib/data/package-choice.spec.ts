import { describe, expect, it } from 'vitest';
import { resolveChoice, withPackage, packageInSearch } from './package-choice';

const NAMES = ['musterstadt', 'musterkreis'];

describe('resolveChoice', () => {
	it('takes the link first, then the stored choice, then the default (not chosen)', () => {
		expect(resolveChoice('musterkreis', 'musterstadt', NAMES)).toEqual({ name: 'musterkreis', chosen: true });
		expect(resolveChoice(null, 'musterkreis', NAMES)).toEqual({ name: 'musterkreis', chosen: true });
		expect(resolveChoice(null, null, NAMES)).toEqual({ name: 'musterstadt', chosen: false });
	});

	it('ignores names that are not bundled, as any unknown link parameter', () => {
		expect(resolveChoice('berlin', 'musterkreis', NAMES)).toEqual({ name: 'musterkreis', chosen: true });
		expect(resolveChoice('berlin', 'hamburg', NAMES)).toEqual({ name: 'musterstadt', chosen: false });
	});
});

describe('withPackage', () => {
	it('appends paket after the page parameters and keeps their encoding', () => {
		expect(withPackage('?ind=sgb2_u15,alleinerziehend&w=2,1', 'musterkreis')).toBe('?ind=sgb2_u15,alleinerziehend&w=2,1&paket=musterkreis');
		expect(withPackage('', 'musterkreis')).toBe('?paket=musterkreis');
	});

	it('replaces or removes an existing paket', () => {
		expect(withPackage('?paket=musterstadt&id=0101', 'musterkreis')).toBe('?id=0101&paket=musterkreis');
		expect(withPackage('?id=0101&paket=musterstadt', null)).toBe('?id=0101');
		expect(withPackage('?paket=musterstadt', null)).toBe('');
	});

	it('reads the package of a query string', () => {
		expect(packageInSearch('?id=1&paket=musterkreis')).toBe('musterkreis');
		expect(packageInSearch('?id=1')).toBeNull();
	});
});
