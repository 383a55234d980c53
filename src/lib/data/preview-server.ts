/**
 * Build-time preview of the atlas' default view (server only: runs during prerender, in Node, on
 * the same wasm engine). The prerendered page shows this map at once, so the first coloured map
 * does not wait for the 8 MB engine download; the interactive map replaces it when ready. The rows
 * come out of the engine, so disclosure control has already been applied.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createNodeConnector } from './connector-node';
import { MonitorEngine, type AreaCollection, type AreaValue, type ReferencePoint } from './engine';
import { packageSourceFromDir } from './source-node';
import type { Indicator } from './types';
import type { PackageIndex } from './package-head';

export interface AtlasPreview {
	indicator: Indicator;
	year: number;
	rows: AreaValue[];
	cityValue: number | null;
	/** What the reference is (pooled city value or a labelled mean of shares); null without one. */
	cityKind: Pick<ReferencePoint, 'basis' | 'weights'> | null;
	areas: AreaCollection;
	parents: AreaCollection | null;
}

/** Above this many areas the inline geometry would outweigh the gain; the page then just waits. */
const MAX_PREVIEW_AREAS = 2000;

/** The default package's folder: the first of packages.json in the site's data folder (svelte.config.js, `$data`). */
async function defaultPackageDir(root = process.env.SOZIALRAUM_SITE_DATA ?? 'data'): Promise<string> {
	const index = JSON.parse(await readFile(join(root, 'packages.json'), 'utf8')) as PackageIndex;
	return join(root, index.packages[0].dir);
}

export async function atlasPreview(dataDir?: string): Promise<AtlasPreview | null> {
	dataDir ??= await defaultPackageDir();
	const db = await createNodeConnector();
	try {
		const engine = await MonitorEngine.load(db, await packageSourceFromDir(resolve(dataDir)));
		const areas = engine.geometry[engine.baseLevel];
		if (areas.features.length > MAX_PREVIEW_AREAS) return null;
		const indicators = await engine.indicators();
		const id = engine.descriptor.sozialraum.default_indicator;
		const indicator = indicators.find((i) => i.id === id) ?? indicators[0];
		const years = await engine.years(indicator.id);
		const year = years[years.length - 1];
		const rows = await engine.valuesFor(indicator.id, year);
		const city = (await engine.referenceSeries(indicator.id)).find((p) => p.year === year) ?? null;
		const parentLevel = engine.descriptor.sozialraum.levels[1];
		return {
			indicator,
			year,
			rows,
			cityValue: city?.value ?? null,
			cityKind: city ? { basis: city.basis, weights: city.weights } : null,
			areas,
			parents: parentLevel ? engine.geometry[parentLevel.id] : null
		};
	} finally {
		await db.close();
	}
}
