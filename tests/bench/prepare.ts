/**
 * Benchmark inputs: generated data packages (cached in .bench/ and regenerated only when the
 * generator's code or the options change) and site builds (always rebuilt, since the point is to
 * measure the code as it is now; SOZIALRAUM_DATA / SOZIALRAUM_OUT select package and folder).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeScalePackage, type PartFormat } from '../../pipelines/scale/write';

export const BENCH_DIR = '.bench';

export interface SizeSpec {
	id: string;
	label: string;
	areas: number;
	indicators: number;
	years: number;
	/** Vertices per cell edge of a generated package (pipelines/scale/grid.ts); default: 12-gons. */
	detail?: number;
	/** An existing package folder (the demo); otherwise one is generated. */
	data?: string;
}

export interface PackageRequest {
	areas: number;
	indicators: number;
	years: number;
	parts?: PartFormat[];
	partsLimit?: number;
	observations?: boolean;
	detail?: number;
}

/** Hash of everything that decides the generator's output. */
function generatorHash(): string {
	const h = createHash('sha256');
	const files = [
		...readdirSync('pipelines/scale').filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')).map((f) => `pipelines/scale/${f}`),
		...readdirSync('pipelines/demo').filter((f) => /^(indicator|format|write)/.test(f)).map((f) => `pipelines/demo/${f}`),
		'src/lib/data/package/csv.ts'
	].sort();
	for (const f of files) h.update(f).update(readFileSync(f));
	return h.digest('hex').slice(0, 16);
}

export function packageDir(r: PackageRequest): string {
	const suffix = r.observations === false ? '-parts' : '';
	return join(BENCH_DIR, `scale-${r.areas}x${r.indicators}x${r.years}${r.detail ? `-d${r.detail}` : ''}${suffix}`);
}

/** Generate a package unless an identical one (same options, same generator code) is there. */
export async function ensurePackage(r: PackageRequest, log: (s: string) => void): Promise<{ dir: string; seconds: number; cached: boolean }> {
	const dir = packageDir(r);
	const stampPath = `${dir}.stamp.json`;
	const stamp = JSON.stringify({ ...r, generator: generatorHash() });
	if (existsSync(stampPath) && existsSync(join(dir, 'datapackage.json')) && (await readFile(stampPath, 'utf8')) === stamp) {
		return { dir, seconds: 0, cached: true };
	}
	log(`generating ${dir} …`);
	const result = await writeScalePackage(dir, { areas: r.areas, indicators: r.indicators, years: r.years, ...(r.detail ? { detail: r.detail } : {}) }, {
		observations: r.observations,
		parts: r.parts,
		partsLimit: r.partsLimit,
		log: (s) => log(`  ${s}`)
	});
	await writeFile(stampPath, stamp);
	return { dir, seconds: result.seconds, cached: false };
}

/** Files and folders a site build needs, linked into a private work folder. */
const PROJECT_ENTRIES = ['src', 'static', 'node_modules', 'package.json', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'data', 'pipelines'];

/**
 * A private build folder (.bench/wt-<name>) whose entries link to the project: SvelteKit then
 * writes its generated files into .bench/wt-<name>/.svelte-kit instead of the shared
 * .svelte-kit, so a benchmark build never collides with a colleague's build or dev server.
 * `copies` are real copies (for variants with patched sources): those paths are copied, not linked.
 */
export async function worktree(name: string, copies: string[] = []): Promise<string> {
	const dir = resolve(BENCH_DIR, `wt-${name}`);
	await mkdir(dir, { recursive: true });
	for (const entry of PROJECT_ENTRIES) {
		const target = join(dir, entry);
		await rm(target, { recursive: true, force: true });
		if (copies.includes(entry)) await cp(resolve(entry), target, { recursive: true });
		else await symlink(resolve(entry), target);
	}
	return dir;
}

/**
 * The site's own build (pipelines/tasks/build.mjs: served layout of the package, then vite build)
 * with a data package into .bench/site-<id>, from a private work folder (see worktree); the build
 * log goes to .bench/build-<id>.log.
 */
export async function buildSite(
	id: string,
	dataDir: string,
	log: (s: string) => void,
	options: { worktree?: string; extraArgs?: string[] } = {}
): Promise<{ dir: string; seconds: number }> {
	const out = join(BENCH_DIR, `site-${id}`);
	const logFile = join(BENCH_DIR, `build-${id}.log`);
	const cwd = options.worktree ?? (await worktree('main'));
	log(`building ${out} with ${dataDir} …`);
	const started = performance.now();
	await new Promise<void>((resolvePromise, reject) => {
		const child = spawn(process.execPath, ['pipelines/tasks/build.mjs', ...(options.extraArgs ?? [])], {
			cwd,
			env: { ...process.env, SOZIALRAUM_DATA: resolve(dataDir), SOZIALRAUM_OUT: resolve(out) },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const sink = createWriteStream(logFile);
		child.stdout.pipe(sink);
		child.stderr.pipe(sink);
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`vite build for ${id} failed (exit ${code}); see ${logFile}`))));
	});
	return { dir: out, seconds: (performance.now() - started) / 1000 };
}

const gzipCache = new Map<string, number>();

/** Size after gzip (level 6, what a web server typically sends). */
export function gzipSize(file: string): number {
	let n = gzipCache.get(file);
	if (n === undefined) {
		n = gzipSync(readFileSync(file), { level: 6 }).length;
		gzipCache.set(file, n);
	}
	return n;
}
