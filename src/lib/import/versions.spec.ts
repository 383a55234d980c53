import { describe, expect, it } from 'vitest';
import { checkVersions, matchingVersion, validIn, yearsText } from './versions';
import { ProblemList } from './problems';
import type { VersionConfig } from './config';

const v = (id: string, valid_from: number | null, valid_to: number | null): VersionConfig => ({ id, valid_from, valid_to, geometry: { files: [] } });

describe('boundary versions', () => {
	it('finds the version of a year and of the parent level', () => {
		const plr = [v('2019', null, 2020), v('2021', 2021, null)];
		expect(plr.map((x) => validIn(x, 2020))).toEqual([true, false]);
		expect(plr.map((x) => validIn(x, 2021))).toEqual([false, true]);
		expect(matchingVersion(v('a', 2014, 2017), plr)).toBe(0);
		expect(matchingVersion(v('b', 2021, null), plr)).toBe(1);
		expect(yearsText(plr[0])).toBe('bis 2020');
		expect(yearsText(v('x', 2014, 2020))).toBe('2014–2020');
	});

	it('says when versions overlap or leave years out', () => {
		const problems = new ProblemList();
		checkVersions('Ortsteil', [v('2014', 2014, 2020), v('2021', 2020, null)], problems);
		checkVersions('Ortsteil', [v('2014', 2014, 2018), v('2021', 2021, null)], problems);
		checkVersions('Ortsteil', [v('2014', 2014, 2020), v('2021', 2021, null)], problems);
		expect(problems.finish().map((p) => p.message_de)).toEqual([
			'Importeinstellungen: Ortsteil, Gebietsstand 2014 (2014–2020) und Gebietsstand 2021 (ab 2020) überschneiden sich. Bitte geben Sie die Gebietsstände vom ältesten zum neuesten an, jedes Jahr in genau einem.',
			'Importeinstellungen: Zwischen Ortsteil, Gebietsstand 2014 (2014–2018) und Gebietsstand 2021 (ab 2021) fehlen die Jahre 2019–2020.'
		]);
	});
});
