/**
 * Generate the fictional demo city "Musterstadt" as a data package.
 *
 *   npx tsx pipelines/demo/generate.ts [outDir]     (default: data/musterstadt)
 *
 * Deterministic: seeded random streams, no clock reads, fixed number formatting. Running it twice
 * gives identical bytes; pipelines/demo/generate.spec.ts holds the committed files to that.
 */
import { buildDemoPackage } from './build';
import { writeFiles } from './write';

const outDir = process.argv[2] ?? 'data/musterstadt';
const files = buildDemoPackage();
await writeFiles(outDir, files);
const kb = (n: number) => `${Math.round(n / 1024)} KB`;
for (const [path, text] of Object.entries(files)) {
	console.log(`${path.padEnd(28)} ${kb(Buffer.byteLength(text, 'utf8')).padStart(8)}`);
}
console.log(`→ ${outDir}`);
