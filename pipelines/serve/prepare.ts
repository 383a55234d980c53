/**
 * The SERVED layout of a data package: what the build puts on the web server.
 *
 *   npx tsx pipelines/serve/prepare.ts <inDir> <outDir>
 *
 * Two things the browser should not have to do at every page load move to build time:
 * - **Observations split per indicator** (`parts/<n>.csv`), so a page fetches and ingests only the
 *   indicators it shows. One observations.csv of 20,000 areas × 100 indicators × 20 years is 40
 *   million rows (1.8 GB); the atlas needs one indicator of it.
 * - **Disclosure control decided here**, with the very functions the engine would run
 *   (stats/disclosure computeSuppression, cells as in src/lib/data/suppression.ts): each part
 *   carries a `withheld` column ("" | "primary" | "secondary"), the withheld totals go to
 *   `suppressed_totals.csv`. The browser used to spend 20–40 µs per observation on this.
 *
 * Every other file the descriptor refers to is copied unchanged; the descriptor loses the
 * `observations` resource and gains `sozialraum.observation_parts` (path, rows, years with values)
 * and the `suppressed_totals` resource; a level with ≥ 5,000 areas (SIMPLIFY_MIN_AREAS) also gets
 * simplified zoom bands of its geometry (`bands/*.geojson`, `sozialraum.geometry_bands`; see
 * simplify.ts), which only the map reads. The engine (src/lib/data/engine.ts) reads either layout and
 * answers the same (engine-served.spec.ts checks every query against the unsplit package).
 *
 * Streams the observations once (memory: one indicator at a time), so packages far larger than the
 * Node heap work. Deterministic: same input, same bytes.
 */
import { createReadStream, createWriteStream, realpathSync, type WriteStream } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { csvFormatRows, csvParse, csvParseRows } from 'd3';
import type { ObservationPart, PackageDescriptor } from '../../src/lib/data/types';
import { buildGeography, type AreaFeatureProps } from '../../src/lib/data/geography';
import { levelFiles } from '../../src/lib/data/levels';
import { suppressAcrossVersions, type GeoCell } from '../../src/lib/data/disclosure-geo';
import { PART_COLUMNS, partPath } from '../../src/lib/data/served';
import type { GeometryBand } from '../../src/lib/data/types';
import { ORIGINAL_FROM_ZOOM, simplifyBands, simplifyMinAreas, vertexCount } from './simplify';

export interface PrepareReport {
	parts: number;
	observations: number;
	withheldCells: number;
	withheldTotals: number;
	/** Geometry files that got zoom bands, with the vertices of each band (original last). */
	geometryBands: { path: string; vertices: number[] }[];
	seconds: number;
}

export interface PrepareOptions {
	/** Levels with at least this many areas get simplified zoom bands (default: SOZIALRAUM_SIMPLIFY_MIN_AREAS or 5,000). */
	simplifyMinAreas?: number;
}

const OBSERVATION_COLUMNS = ['area_key', 'indicator_id', 'year', 'value', 'numerator', 'denominator', 'flag'] as const;

export async function prepareServedPackage(inArg: string, outArg: string, options: PrepareOptions = {}): Promise<PrepareReport> {
	const t0 = performance.now();
	const minAreas = options.simplifyMinAreas ?? simplifyMinAreas();
	const inDir = resolve(inArg);
	const outDir = resolve(outArg);
	if (inDir === outDir) throw new Error(`Ziel- und Paketordner sind gleich („${inArg}“).`);
	const descriptor = JSON.parse(stripBom(await readFile(join(inDir, 'datapackage.json'), 'utf8'))) as PackageDescriptor;
	if (descriptor.sozialraum.observation_parts) throw new Error(`„${inArg}“ ist bereits für die Auslieferung aufbereitet.`);
	const obsResource = descriptor.resources.find((r) => r.name === 'observations');
	if (!obsResource) throw new Error(`${inArg}/datapackage.json: Die Ressource „observations“ fehlt.`);

	await rm(outDir, { recursive: true, force: true });
	await mkdir(join(outDir, 'parts'), { recursive: true });
	const copied = new Set([...descriptor.resources.filter((r) => r.name !== 'observations').map((r) => r.path), ...descriptor.sozialraum.levels.flatMap(levelFiles)]);
	for (const path of copied) {
		await mkdir(dirname(join(outDir, path)), { recursive: true });
		await copyFile(join(inDir, path), join(outDir, path));
	}

	// What the engine's disclosure control uses: the geography (every level and boundary version),
	// the value type of every indicator.
	const features = new Map<string, AreaFeatureProps[]>();
	for (const path of descriptor.sozialraum.levels.flatMap(levelFiles)) {
		const fc = JSON.parse(stripBom(await readFile(join(inDir, path), 'utf8'))) as { features: { properties: AreaFeatureProps }[] };
		features.set(path, fc.features.map((f) => f.properties));
	}
	const geography = buildGeography(descriptor.sozialraum.levels, (_, version) => features.get(version.path) ?? []);

	// Zoom bands of simplified geometry for levels with many areas (simplify.ts); the original
	// file stays the band of the deepest zooms.
	const bands: Record<string, GeometryBand[]> = {};
	const bandReport: PrepareReport['geometryBands'] = [];
	for (const path of descriptor.sozialraum.levels.flatMap(levelFiles)) {
		if ((features.get(path)?.length ?? 0) < minAreas) continue;
		const fc = JSON.parse(stripBom(await readFile(join(inDir, path), 'utf8')));
		const simplified = simplifyBands(fc);
		const n = bandReport.length;
		bands[path] = [
			...simplified.map((b, i): GeometryBand => {
				const file = `bands/${n}-${i}-${b.band.name}.geojson`;
				return { path: file, min_zoom: b.band.min_zoom, max_zoom: b.band.max_zoom, tolerance_px: b.band.tolerance_px };
			}),
			{ path, min_zoom: ORIGINAL_FROM_ZOOM, max_zoom: null, tolerance_px: 0 }
		];
		await mkdir(join(outDir, 'bands'), { recursive: true });
		for (const [i, b] of simplified.entries()) await writeFile(join(outDir, bands[path][i].path), JSON.stringify(b.areas) + '\n');
		bandReport.push({ path, vertices: [...simplified.map((b) => b.vertices), vertexCount(fc)] });
	}
	const indicatorsPath = descriptor.resources.find((r) => r.name === 'indicators')!.path;
	const indicators = csvParse(stripBom(await readFile(join(inDir, indicatorsPath), 'utf8')));
	const valueType = new Map(indicators.map((i) => [i.id!, i.value_type!]));
	const order = indicators.map((i) => i.id!);

	// Pass 1: one temporary file per indicator (rows as they come, original text kept).
	const tmp = join(outDir, 'parts', '.split');
	await mkdir(tmp, { recursive: true });
	const writers = new Map<string, WriteStream>();
	let header: string[] | null = null;
	let index: number[] = [];
	let observations = 0;
	for await (const line of createInterface({ input: createReadStream(join(inDir, obsResource.path)), crlfDelay: Infinity })) {
		if (line === '') continue;
		const fields: string[] = csvParseRows(header ? line : stripBom(line))[0];
		if (!header) {
			header = fields;
			index = OBSERVATION_COLUMNS.map((c) => header!.indexOf(c));
			const absent = OBSERVATION_COLUMNS.filter((_, i) => index[i] < 0);
			if (absent.length) throw new Error(`${obsResource.path}: Spalte(n) ${absent.map((c) => `„${c}“`).join(', ')} fehlen.`);
			continue;
		}
		const row = index.map((i) => fields[i] ?? '');
		const id = row[1];
		if (!valueType.has(id)) continue; // the engine's join drops unknown indicators the same way
		let w = writers.get(id);
		if (!w) writers.set(id, (w = createWriteStream(join(tmp, `${writers.size}.csv`))));
		if (!w.write(csvFormatRows([row]) + '\n')) await new Promise<void>((r) => w!.once('drain', () => r()));
		observations++;
	}
	const tmpFile = new Map([...writers.keys()].map((id, i) => [id, join(tmp, `${i}.csv`)]));
	await Promise.all([...writers.values()].map((w) => new Promise<void>((r) => w.end(() => r()))));

	// Pass 2: per indicator, decide disclosure and write the part.
	const parts: ObservationPart[] = [];
	const totals: string[][] = [];
	let withheldCells = 0;
	const settings = descriptor.sozialraum.disclosure;
	for (const id of order) {
		const file = tmpFile.get(id);
		if (!file) continue;
		const rows = csvParseRows(await readFile(file, 'utf8'));
		const cells: GeoCell[] = [];
		const kept: string[][] = rows;
		for (const r of rows) {
			const year = Number(r[2]);
			const num = r[4] === '' ? null : Number(r[4]);
			const numerator = valueType.get(id) === 'count' ? (num ?? (r[3] === '' ? null : Number(r[3]))) : num;
			cells.push({ area_key: r[0], indicator_id: id, year, numerator, denominator: r[5] === '' ? null : Number(r[5]), flag: r[6] });
		}
		// cells of keys not valid in their year are no cells (the engine's joins drop them too)
		const result = suppressAcrossVersions(cells, geography, settings);
		const reason = new Map(result.cells.map((c) => [`${c.area_key}\u0000${c.year}`, c.suppressed ? (c.reason ?? 'primary') : '']));
		const years = new Set<number>();
		const out = kept
			.map((r) => {
				const w = reason.get(`${r[0]}\u0000${Number(r[2])}`) ?? '';
				if (w) withheldCells++;
				if (r[3] !== '') years.add(Number(r[2]));
				return [...r, w];
			})
			.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : Number(a[2]) - Number(b[2])));
		const path = partPath(parts.length);
		await writeFile(join(outDir, path), csvFormatRows([[...PART_COLUMNS], ...out]) + '\n');
		parts.push({ indicator_id: id, path, rows: out.length, years: [...years].sort((a, b) => a - b) });
		for (const t of result.totals) if (t.suppressed) totals.push([t.area_key, id, String(t.year), t.reason ?? 'primary']);
	}
	await rm(tmp, { recursive: true, force: true });
	await writeFile(join(outDir, 'suppressed_totals.csv'), csvFormatRows([['area_key', 'indicator_id', 'year', 'reason'], ...totals]) + '\n');

	const served: PackageDescriptor = {
		...descriptor,
		resources: [
			...descriptor.resources.filter((r) => r.name !== 'observations'),
			{ name: 'suppressed_totals', path: 'suppressed_totals.csv', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8' }
		],
		sozialraum: { ...descriptor.sozialraum, observation_parts: parts, ...(bandReport.length > 0 ? { geometry_bands: bands } : {}) }
	};
	await writeFile(join(outDir, 'datapackage.json'), JSON.stringify(served, null, '\t') + '\n');
	return { parts: parts.length, observations, withheldCells, withheldTotals: totals.length, geometryBands: bandReport, seconds: (performance.now() - t0) / 1000 };
}

function stripBom(s: string): string {
	return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

// realpath: the benchmark runs this through a symlinked folder, import.meta.url is the real path.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
	const [inDir, outDir] = process.argv.slice(2);
	if (!inDir || !outDir) {
		console.error('Aufruf: npx tsx pipelines/serve/prepare.ts <Paketordner> <Zielordner>');
		process.exit(2);
	}
	prepareServedPackage(inDir, outDir).then(
		(r) => {
			const de = new Intl.NumberFormat('de-DE');
			console.log(`Auslieferung: ${de.format(r.observations)} Beobachtungen in ${r.parts} Teildateien, ${de.format(r.withheldCells)} Zellen und ${de.format(r.withheldTotals)} Summen geheim gehalten (${r.seconds.toFixed(1)} s).`);
			for (const b of r.geometryBands) console.log(`Vereinfachte Geometrie für „${b.path}“: ${b.vertices.map((n) => de.format(n)).join(' / ')} Stützpunkte (Übersicht / Bezirk / Original).`);
		},
		(e) => {
			console.error((e as Error).message);
			process.exit(1);
		}
	);
}
