import { describe, expect, it } from 'vitest';
import { parsePhases, phasesOf } from './phases';

describe('life phases from offer lists', () => {
	it.each([
		['u3', ['u3']],
		['0-3', ['u3']],
		['0–3 Jahre', ['u3']],
		['3 bis 6 Jahre', ['3_6']],
		['0-6', ['u3', '3_6']],
		['6-10', ['6_10']],
		['ab 16', ['16_27']],
		['Schwangere', ['schwangerschaft_geburt']],
		['Krippe', ['u3']],
		['Grundschulkinder', ['6_10']],
		['Jugendliche', ['10_16', '16_27']],
		['Junge Erwachsene', ['16_27']]
	])('reads %s', (text, phases) => {
		expect(phasesOf(text)).toEqual(phases);
	});

	it('knows nothing of unrelated words', () => {
		expect(phasesOf('Senioren')).toBeNull();
		expect(phasesOf('40-60')).toBeNull();
	});

	it('splits a cell, keeps chain order and reports what it could not read', () => {
		expect(parsePhases('3_6|u3')).toEqual({ phases: ['u3', '3_6'], unknown: [] });
		expect(parsePhases('Krippe; Kindergarten, Senioren')).toEqual({ phases: ['u3', '3_6'], unknown: ['Senioren'] });
	});
});
