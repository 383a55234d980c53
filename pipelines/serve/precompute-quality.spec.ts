/**
 * The stored quality report (precompute-quality.ts, one indicator at a time) is the report the
 * page computes (every indicator at once, qualityReport on loadQualityInput) on the same served
 * package: on the demo city, on Musterkreis (boundary versions) and on the demo's public copy
 * (disclosure control, published totals), after the trip through JSON.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareServedPackage } from './prepare';
import { precomputeQuality } from './precompute-quality';
import { publishPackage } from '../publish/publish';
import { createNodeConnector } from '../../src/lib/data/connector-node';
import { MonitorEngine } from '../../src/lib/data/engine';
import { packageSourceFromDir } from '../../src/lib/data/source-node';
import { computeQualityAllAtOnce } from '../../src/lib/data/analysis/quality-data';
import { DEFAULT_MIN_DENOMINATOR } from '../../src/lib/quality/report';
import { STORED_QUALITY_PATH, restoreQuality, storeQuality, type StoredQuality } from '../../src/lib/quality/stored';

async function storedAndComputed(pkg: string) {
	const served = await mkdtemp(join(tmpdir(), 'served-quality-'));
	await prepareServedPackage(pkg, served);
	await precomputeQuality(served);
	const file = JSON.parse(await readFile(join(served, STORED_QUALITY_PATH), 'utf8')) as StoredQuality;
	const db = await createNodeConnector();
	try {
		const engine = await MonitorEngine.load(db, await packageSourceFromDir(served));
		return { file, computed: await computeQualityAllAtOnce(engine, DEFAULT_MIN_DENOMINATOR) };
	} finally {
		await db.close();
	}
}

async function expectSameReport(pkg: string) {
	const { file, computed } = await storedAndComputed(pkg);
	const stored = restoreQuality(file)!;
	expect(stored.report.findings.length).toBeGreaterThan(0);
	expect(stored.report.findings).toEqual(computed.report.findings);
	expect([...stored.report.coverage]).toEqual([...computed.report.coverage]);
	expect(stored.report.levelSumsChecked).toBe(computed.report.levelSumsChecked);
	expect(stored.report.withoutNeighbours).toEqual(computed.report.withoutNeighbours);
	expect(stored.cells).toBe(computed.cells);
	expect(stored.indicators).toEqual(computed.indicators);
	expect(stored.minDenominator).toBe(DEFAULT_MIN_DENOMINATOR);
	// every area the report names has its name (and the file holds no others)
	expect(file).toEqual(JSON.parse(JSON.stringify(storeQuality(computed))));
	for (const f of stored.report.findings) for (const a of f.areas) expect(stored.names.get(a), a).toBe(computed.names.get(a));
	return { stored, computed };
}

describe('stored quality report', () => {
	it('equals the page\'s report on the demo city', async () => {
		const { stored } = await expectSameReport('data/musterstadt');
		expect(stored.report.findings.filter((f) => f.severity === 'warning').length).toBeGreaterThan(5);
	}, 120_000);

	it('equals the page\'s report on Musterkreis (boundary versions)', async () => {
		await expectSameReport('data/musterkreis');
	}, 120_000);

	it('equals the page\'s report on the public copy of the demo (disclosure control, published totals)', async () => {
		const publicDir = await mkdtemp(join(tmpdir(), 'public-quality-'));
		await publishPackage('data/musterstadt', publicDir);
		const { stored } = await expectSameReport(publicDir);
		expect(stored.report.levelSumsChecked).toBe(true);
		expect(stored.report.findings.some((f) => f.check === 'suppressed')).toBe(true);
	}, 180_000);
});
