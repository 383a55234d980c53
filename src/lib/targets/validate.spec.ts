import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import { validateTarget } from './validate';
import { resolveTargetValue, goalDirection, newTargetId, type TargetRecord } from './model';
import { ctx } from './spec-fixtures';

const ok: TargetRecord = {
	id: 'Z-1', indicator_id: 'quote', scope_type: 'sozialraum', scope_keys: ['0101'], baseline_year: 2022, baseline_value: 30,
	target_value: 27, target_year: 2028, owner: 'Jugendamt', decision: '', note: '', status: 'draft', rule: { kind: 'points', delta: -3 }
};
const messages = (over: Partial<TargetRecord>) =>
	validateTarget({ ...ok, ...over }, ctx).map((i) => `${i.field}: ${translate('de', i.key, i.params)}`);

describe('validateTarget', () => {
	it('accepts a complete draft', () => {
		expect(messages({})).toEqual([]);
	});

	it('says in German what is wrong, per field', () => {
		expect(messages({ target_year: 2022 })).toEqual(['target_year: Das Zieljahr (2022) muss nach dem Ausgangsjahr (2022) liegen.']);
		expect(messages({ target_value: 120, rule: { kind: 'absolute' } })).toEqual(['target_value: Der Wert muss zwischen 0 und 100 liegen.']);
		expect(messages({ indicator_id: 'hze', baseline_value: -1, target_value: 2, rule: { kind: 'absolute' } })).toEqual(['baseline_value: Der Wert darf nicht negativ sein.']);
		expect(messages({ scope_keys: ['0101', '9999'] })).toEqual(['scope_keys: Das Gebiet „9999“ gibt es auf der Ebene „sozialraum“ nicht.']);
		expect(messages({ scope_type: 'stadtbezirk', scope_keys: ['0101'] })).toEqual(['scope_keys: Das Gebiet „0101“ gibt es auf der Ebene „stadtbezirk“ nicht.']);
		// several areas of a coarser level are one summed scope, as on the finest level
		expect(messages({ scope_type: 'stadtbezirk', scope_keys: ['01', '02'] })).toEqual([]);
		expect(messages({ scope_type: 'bezirk', scope_keys: ['01'] })).toEqual(['scope_type: „bezirk“ ist kein zulässiger Bezug (das ganze Gebiet „city“ oder eine Ebene: sozialraum, stadtbezirk, stadt).']);
		expect(messages({ scope_type: 'city', scope_keys: ['01'] })).toEqual(['scope_keys: Ein Ziel für das ganze Gebiet hat keine Gebietsschlüssel.']);
		expect(messages({ scope_keys: [] })).toEqual(['scope_keys: Bitte mindestens ein Gebiet auswählen.']);
		expect(messages({ indicator_id: 'gibtsnicht' })).toEqual(['indicator_id: Den Indikator „gibtsnicht“ gibt es im Datenpaket nicht.']);
		expect(messages({ status: 'adopted', owner: '' })).toEqual([
			'owner: Bitte die verantwortliche Stelle angeben.',
			'decision: Ein beschlossenes Ziel braucht die Fundstelle des Beschlusses.'
		]);
		expect(messages({ target_value: 26 })).toEqual(['target_value: Der Zielwert passt nicht zur Regel (nach der Regel: 27).']);
		expect(messages({ indicator_id: 'neutral', target_value: 30, rule: { kind: 'absolute' } })).toEqual([
			'target_value: Der Indikator hat keine Wertungsrichtung: Zielwert und Ausgangswert dürfen nicht gleich sein.'
		]);
		expect(messages({ id: 'mit Leerzeichen' })[0]).toMatch(/^id: Die Kennung „mit Leerzeichen“ ist ungültig/);
	});
});

describe('target rules', () => {
	it('resolves relative rules to an absolute value, rounded to the display decimals', () => {
		// −3 Prozentpunkte from 40.797721 → 37.797721 → 37.8
		expect(resolveTargetValue({ kind: 'points', delta: -3 }, 40.797721, null, 1)).toBe(37.8);
		// −10 % → 40.797721 · 0.9 = 36.7179489 → 36.7
		expect(resolveTargetValue({ kind: 'percent', delta: -10 }, 40.797721, null, 1)).toBe(36.7);
		// halve the gap to a city value of 22.1: 22.1 + (40.797721 − 22.1)/2 = 31.4488605 → 31.4
		expect(resolveTargetValue({ kind: 'gap', factor: 0.5, reference: 22.1 }, 40.797721, null, 1)).toBe(31.4);
		expect(resolveTargetValue({ kind: 'absolute' }, 40.8, 25, 1)).toBe(25);
		expect(resolveTargetValue({ kind: 'points', delta: -3 }, null, null, 1)).toBeNull();
	});

	it('takes the goal direction from the target, or from the polarity when it holds the level', () => {
		expect(goalDirection({ baseline_value: 30, target_value: 25 }, 'higher_is_better')).toBe('lower');
		expect(goalDirection({ baseline_value: 30, target_value: 35 }, 'higher_is_worse')).toBe('higher');
		expect(goalDirection({ baseline_value: 95, target_value: 95 }, 'higher_is_better')).toBe('higher');
	});

	it('makes new ids that are not taken', () => {
		const seq = [0.5, 0.5, 0.25];
		const id = newTargetId(new Set(['Z-' + Math.floor(0.5 * 36 ** 6).toString(36).toUpperCase()]), () => seq.shift()!);
		expect(id).toBe('Z-' + Math.floor(0.25 * 36 ** 6).toString(36).toUpperCase().padStart(6, '0'));
	});
});
