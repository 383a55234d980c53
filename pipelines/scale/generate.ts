/**
 * Generate a synthetic data package of any size for performance work (same format as
 * data/musterstadt; validates with src/lib/data/package/validate.ts; deterministic).
 *
 *   npx tsx pipelines/scale/generate.ts --areas 5000 [--indicators 40] [--years 20]
 *                                        [--out .bench/pkg-5000] [--parts csv,arrow] [--parts-limit K]
 *                                        [--no-observations] [--detail N]
 *
 * Defaults: 30 indicators, 12 years (2014–2025), output .bench/scale-<areas>x<indicators>x<years>.
 * --parts also writes one observation file per indicator (parts/csv/<id>.csv, parts/arrow/<id>.arrow)
 * for the partitioned-format comparison (--parts-limit K: only for the default and K−1 more
 * indicators, which is all a load measurement needs); --no-observations skips the monolithic observations.csv
 * (the package then no longer validates: for format experiments at 20,000 × 100 × 20 only).
 * --detail N: N vertices on every cell edge (shared exactly by both neighbours) on a smooth wobble,
 * for realistic vertex counts (e.g. 8: ≈ 37 per Sozialraum); the name gets "-d<N>".
 */
import { parseArgs } from 'node:util';
import { packageName } from './package';
import { writeScalePackage, type PartFormat } from './write';

const { values } = parseArgs({
	options: {
		areas: { type: 'string', default: '500' },
		indicators: { type: 'string', default: '30' },
		years: { type: 'string', default: '12' },
		out: { type: 'string' },
		seed: { type: 'string' },
		parts: { type: 'string', default: '' },
		'parts-limit': { type: 'string' },
		'no-observations': { type: 'boolean', default: false },
		'edge-points': { type: 'string' },
		detail: { type: 'string' }
	}
});

const int = (name: string, text: string | undefined): number => {
	const n = Number(text);
	if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${text}`);
	return n;
};
const options = {
	areas: int('areas', values.areas),
	indicators: int('indicators', values.indicators),
	years: int('years', values.years),
	...(values.seed ? { seed: values.seed } : {}),
	...(values['edge-points'] !== undefined ? { edgePoints: Number(values['edge-points']) } : {}),
	...(values.detail !== undefined ? { detail: int('detail', values.detail) } : {})
};
if (options.indicators > 100 || options.years > 20) console.warn('note: the benchmark goals go up to 100 indicators and 20 years');
const parts = (values.parts ?? '').split(',').filter(Boolean) as PartFormat[];
for (const p of parts) if (p !== 'csv' && p !== 'arrow') throw new Error(`--parts: unknown format ${p} (csv, arrow)`);
const out = values.out ?? `.bench/${packageName(options)}`;

const result = await writeScalePackage(out, options, {
	observations: !values['no-observations'],
	parts,
	...(values['parts-limit'] !== undefined ? { partsLimit: int('parts-limit', values['parts-limit']) } : {}),
	log: (line) => console.log(line)
});
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
for (const [path, n] of Object.entries(result.bytes)) if (!path.startsWith('parts/')) console.log(`${path.padEnd(28)} ${mb(n).padStart(10)}`);
for (const p of parts) {
	const total = Object.entries(result.bytes).filter(([k]) => k.startsWith(`parts/${p}/`)).reduce((s, [, n]) => s + n, 0);
	console.log(`${`parts/${p}/*`.padEnd(28)} ${mb(total).padStart(10)}`);
}
console.log(`→ ${out} (${result.seconds.toFixed(1)} s)`);
