/**
 * For the "precomputed disclosure control" proposal: a copy of a package (files linked) with the
 * app's own suppression decision already made, as two extra tables `suppressed_cells.csv` and
 * `suppressed_totals.csv` (the columns src/lib/data/suppression.ts writes into DuckDB). Computed in
 * Node with the very same functions (stats/disclosure computeSuppression over every cell).
 */
import { createReadStream, existsSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { csvFormat, csvParse } from 'd3';
import { computeSuppression, hierarchyFromAreas, type DisclosureCell } from '../../src/lib/stats/disclosure';
import type { PackageDescriptor } from '../../src/lib/data/types';
import { BENCH_DIR } from './prepare';

export async function withPrecomputedSuppression(pkgDir: string): Promise<string> {
	const out = join(BENCH_DIR, `presupp-${basename(resolve(pkgDir))}`);
	if (existsSync(join(out, 'suppressed_cells.csv'))) return out;
	await rm(out, { recursive: true, force: true });
	await mkdir(out, { recursive: true });
	const descriptor = JSON.parse(readFileSync(join(pkgDir, 'datapackage.json'), 'utf8')) as PackageDescriptor;
	for (const f of readdirSync(pkgDir)) if (f !== 'datapackage.json' && f !== 'parts') symlinkSync(resolve(pkgDir, f), join(out, f));

	const parents = new Map<string, string>();
	const areas: { key: string; parent: string }[] = [];
	for (const level of descriptor.sozialraum.levels) {
		const fc = JSON.parse(readFileSync(join(pkgDir, level.path), 'utf8')) as { features: { properties: { key: string; parent?: string } }[] };
		for (const f of fc.features) {
			areas.push({ key: f.properties.key, parent: f.properties.parent ?? '' });
			parents.set(f.properties.key, f.properties.parent ?? '');
		}
	}
	const indicators = csvParse(readFileSync(join(pkgDir, 'indicators.csv'), 'utf8'));
	const valueType = new Map(indicators.map((i) => [i.id!, i.value_type!]));
	const cells: DisclosureCell[] = [];
	const obsPath = descriptor.resources.find((r) => r.name === 'observations')!.path;
	let header: string[] | null = null;
	for await (const line of createInterface({ input: createReadStream(join(pkgDir, obsPath)), crlfDelay: Infinity })) {
		if (!line) continue;
		if (!header) {
			header = line.split(',');
			continue;
		}
		const f = line.split(',');
		const get = (n: string) => f[header!.indexOf(n)];
		const num = (s: string) => (s === '' ? null : Number(s));
		const id = get('indicator_id');
		// as CELLS_SQL in src/lib/data/suppression.ts: counts use the value when there is no numerator
		const numerator = valueType.get(id) === 'count' ? (num(get('numerator')) ?? num(get('value'))) : num(get('numerator'));
		cells.push({ area_key: get('area_key'), parent: parents.get(get('area_key')) ?? '', indicator_id: id, year: Number(get('year')), numerator, denominator: num(get('denominator')), flag: get('flag') } as DisclosureCell);
	}
	const result = computeSuppression(cells, hierarchyFromAreas(areas), descriptor.sozialraum.disclosure);
	const rows = (list: { area_key: string; indicator_id: string; year: number; suppressed: boolean; reason: string | null }[]) =>
		csvFormat(list.filter((c) => c.suppressed).map((c) => ({ area_key: c.area_key, indicator_id: c.indicator_id, year: c.year, reason: c.reason ?? '' })), ['area_key', 'indicator_id', 'year', 'reason']);
	await writeFile(join(out, 'suppressed_cells.csv'), `${rows(result.cells)}\n`);
	await writeFile(join(out, 'suppressed_totals.csv'), `${rows(result.totals)}\n`);
	const extra = ['suppressed_cells', 'suppressed_totals'].map((name) => ({ name, path: `${name}.csv`, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8' }));
	await writeFile(join(out, 'datapackage.json'), `${JSON.stringify({ ...descriptor, resources: [...descriptor.resources, ...extra] }, null, '\t')}\n`);
	return out;
}
