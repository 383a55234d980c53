/**
 * The data-quality report for the served layout (after pipelines/serve/precompute.ts, in the same
 * build):
 *
 *   npx tsx pipelines/serve/precompute-quality.ts <servedDir>
 *
 * /datenqualitaet/ checks every indicator; at 20,000 areas × 100 indicators the browser cannot
 * read them all into DuckDB-wasm. So the build runs the page's own computation — the same engine
 * on the same served package (disclosure control exactly the page's), the same report functions
 * (src/lib/quality/report.ts through computeQuality: one indicator at a time, released again, so
 * memory stays bounded) — for the default minimum denominator, and writes it to
 * `pre/quality.json` (format: src/lib/quality/stored.ts). The page reads that file for the
 * built-in package; the user's own package, or another minimum, is computed in the browser.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { mkdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createNodeConnector } from '../../src/lib/data/connector-node';
import { MonitorEngine } from '../../src/lib/data/engine';
import { packageSourceFromDir } from '../../src/lib/data/source-node';
import { computeQuality } from '../../src/lib/data/analysis/quality-data';
import { DEFAULT_MIN_DENOMINATOR } from '../../src/lib/quality/report';
import { STORED_QUALITY_PATH, storeQuality } from '../../src/lib/quality/stored';
import type { PackageDescriptor } from '../../src/lib/data/types';

export interface QualityPrecomputeReport {
	indicators: number;
	findings: number;
	bytes: number;
	seconds: number;
}

export async function precomputeQuality(dirArg: string, log: (s: string) => void = () => {}): Promise<QualityPrecomputeReport> {
	const t0 = performance.now();
	const dir = resolve(dirArg);
	const descriptor = JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8')) as PackageDescriptor;
	if (!descriptor.sozialraum.observation_parts) throw new Error(`„${dirArg}“ ist nicht für die Auslieferung aufbereitet (pipelines/serve/prepare.ts zuerst).`);
	const db = await createNodeConnector();
	try {
		const engine = await MonitorEngine.load(db, await packageSourceFromDir(dir));
		let last = 0;
		const result = await computeQuality(engine, DEFAULT_MIN_DENOMINATOR, (done, total) => {
			const now = performance.now();
			if (now - last > 10_000 || done === total) {
				last = now;
				log(`  Datenqualität: ${done}/${total} Schritte (${((now - t0) / 1000).toFixed(0)} s)`);
			}
		});
		const text = JSON.stringify(storeQuality(result));
		mkdirSync(join(dir, 'pre'), { recursive: true });
		await writeFile(join(dir, STORED_QUALITY_PATH), text);
		return { indicators: result.indicators.length, findings: result.report.findings.length, bytes: Buffer.byteLength(text), seconds: (performance.now() - t0) / 1000 };
	} finally {
		await db.close();
	}
}

// realpath: the benchmark runs this through a symlinked folder, import.meta.url is the real path.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
	const [dir] = process.argv.slice(2);
	if (!dir) {
		console.error('Aufruf: npx tsx pipelines/serve/precompute-quality.ts <Auslieferungsordner>');
		process.exit(2);
	}
	precomputeQuality(dir, (s) => console.log(s)).then(
		(r) => console.log(`Datenqualität vorberechnet: ${r.indicators} Indikatoren, ${r.findings} Befunde, ${(r.bytes / 1e6).toFixed(2)} MB (${r.seconds.toFixed(1)} s).`),
		(e) => {
			console.error((e as Error).message);
			process.exit(1);
		}
	);
}
