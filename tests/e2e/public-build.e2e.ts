/**
 * The public build (`npm run build -- --oeffentlich`) ships only disclosure-controlled data: the
 * built files contain no withheld value, and the app shows withheld cells as "•".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { startSession, type Session } from './browser';
import { scanForWithheld } from '../../pipelines/publish/scan';
import { readPackageFromDir } from '../../src/lib/data/package/load-node';
import { readPackage } from '../../src/lib/data/package/validate';
import { disclosePackage } from '../../pipelines/publish/disclose-package';

const OUT = '.svelte-kit/build-public';
let session: Session;

beforeAll(async () => {
	const r = spawnSync('node', ['pipelines/tasks/build.mjs', '--oeffentlich'], {
		env: { ...process.env, SOZIALRAUM_OUT: OUT },
		encoding: 'utf8'
	});
	expect(r.status, r.stdout + r.stderr).toBe(0);
	session = await startSession([], { dir: OUT });
}, 300_000);
afterAll(async () => {
	await session?.close();
});

describe('public build', () => {
	it('contains no withheld value in any built file', async () => {
		const scan = await scanForWithheld(OUT, 'data/musterstadt');
		expect(scan.withheld).toBeGreaterThan(100);
		expect(scan.findings).toEqual([]);
	});

	it('the same scan does find the values in the internal build (the check can fail)', async () => {
		const scan = await scanForWithheld('build', 'data/musterstadt');
		expect(scan.findings.length).toBeGreaterThan(0);
	});

	it('shows a primary and a secondary withheld cell as suppressed, and says it is the public edition', async () => {
		const { data } = readPackage(await readPackageFromDir('data/musterstadt'));
		const d = disclosePackage(data!);
		const pick = (reason: string) =>
			d.withheld.find((w) => w.kind === 'observation' && w.reason === reason && w.year === 2025) as { area_key: string; indicator_id: string; year: number };
		for (const cell of [pick('primary'), pick('secondary')]) {
			const page = await session.newPage();
			await page.goto(`${session.baseUrl}?indikator=${cell.indicator_id}&jahr=${cell.year}`);
			await page.waitForSelector(`[data-testid=area-table] tr[data-key="${cell.area_key}"]`, { timeout: 60_000 });
			const row = await page.textContent(`[data-testid=area-table] tr[data-key="${cell.area_key}"]`);
			expect(row).toContain('•');
			expect(row).toContain('geheim gehalten');
			expect(await page.textContent('[data-testid=published-note]')).toContain('Veröffentlichungsfassung');
			await page.close();
		}
		expect(session.foreignRequests).toEqual([]);
		expect(session.consoleErrors).toEqual([]);
	});

	it('lets no SQL query read a withheld cell, asked for directly or by differencing against a published total', async () => {
		const { data } = readPackage(await readPackageFromDir('data/musterstadt'));
		const cell = disclosePackage(data!).withheld.find((w) => w.kind === 'observation' && w.reason === 'primary') as { area_key: string; indicator_id: string; year: number };
		const page = await session.newPage();
		const ask = async (sql: string) => {
			await page.goto(`${session.baseUrl}analyse/?sql=${encodeURIComponent(sql)}`);
			await page.waitForSelector('[data-testid=result-table]', { timeout: 90_000 });
			return page.$$eval('[data-testid=result-table] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
		};
		const direct = await ask(`SELECT value, numerator, denominator, flag FROM observations WHERE area_key = '${cell.area_key}' AND indicator_id = '${cell.indicator_id}' AND year = ${cell.year}`);
		expect(direct).toEqual([['–', '–', '–', 'suppressed']]);
		// the published total of its Stadtbezirk minus the published Sozialräume: always ≥ 2 cells hidden in it
		const diff = await ask(`SELECT count(*) FILTER (WHERE hidden = 1) AS single, count(*) FILTER (WHERE hidden >= 2) AS several
			FROM (SELECT t.area_key, t.indicator_id, t.year, count(*) FILTER (WHERE o.flag = 'suppressed') AS hidden
				FROM reference_values t
				JOIN areas a ON a.parent = t.area_key AND a.level_rank = 0
				JOIN observations o ON o.area_key = a.key AND o.indicator_id = t.indicator_id AND o.year = t.year
				WHERE t.numerator IS NOT NULL GROUP BY ALL)`);
		expect(diff[0][0]).toBe('0');
		expect(Number(diff[0][1].replace(/\./g, ''))).toBeGreaterThan(50);
		await page.close();
		expect(session.consoleErrors).toEqual([]);
	});
});
