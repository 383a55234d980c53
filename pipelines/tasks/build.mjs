/**
 * `npm run build` builds the site with the internal data packages it bundles: by default
 * data/musterstadt (the default, shown first) and data/musterkreis; SOZIALRAUM_DATA names one own
 * package folder or a comma-separated list (the first is the default). `npm run build -- --oeffentlich`
 * (or --public) builds the PUBLIC version: it first writes a disclosure-controlled copy of every
 * package (pipelines/publish), builds the site from those copies, and then scans the built files for
 * any withheld value of each package; a finding fails the build.
 *
 * Either way the site gets each package in its SERVED layout (pipelines/serve/prepare.ts): one
 * observation file per indicator, loaded when a page needs it, with disclosure control decided
 * here instead of at every page load. The served root holds one folder per package and
 * packages.json (pipelines/serve/site-index.ts), which the app reads to offer the choice.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';

const publicBuild = process.argv.includes('--oeffentlich') || process.argv.includes('--public');
const sources = (process.env.SOZIALRAUM_DATA ?? 'data/musterstadt,data/musterkreis')
	.split(',')
	.map((s) => s.trim())
	.filter((s) => s !== '');
const out = process.env.SOZIALRAUM_OUT ?? 'build';

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
function run(cmd, args, env = {}) {
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * The served layout of a large package takes minutes to write (40 million observations): reuse it
 * when neither the package files nor the code that writes it changed since last time.
 * @param {string} from
 * @param {string} to
 */
function prepare(from, to) {
	const h = createHash('sha256');
	for (const f of readdirSync(from).sort()) {
		const st = statSync(`${from}/${f}`);
		h.update(`${f}\0${st.size}\0${st.mtimeMs}\n`);
	}
	// the simplification switch decides the served geometry too
	h.update(`simplify:${process.env.SOZIALRAUM_SIMPLIFY_MIN_AREAS ?? ''}\n`);
	for (const f of ['pipelines/serve/prepare.ts', 'pipelines/serve/simplify.ts', 'src/lib/data/geometry-bands.ts', 'src/lib/data/served.ts', 'src/lib/stats/disclosure.ts', 'src/lib/data/disclosure-geo.ts', 'src/lib/data/geography.ts', 'src/lib/data/levels.ts']) h.update(readFileSync(f));
	const stamp = `${to}.stamp`;
	const digest = h.digest('hex');
	if (existsSync(`${to}/datapackage.json`) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
		console.log(`Auslieferung: unverändert, „${to}“ wird weiter verwendet.`);
		return;
	}
	run('npx', ['tsx', 'pipelines/serve/prepare.ts', from, to]);
	writeFileSync(stamp, digest);
}

/**
 * Precomputed answers (pipelines/serve/precompute.ts) for the served layout in `to`: redone when
 * the served layout or the code that computes them changed.
 * @param {string} to
 */
function precompute(to) {
	const h = createHash('sha256');
	h.update(readFileSync(`${to}.stamp`));
	// with boundary versions the answers also come from the version tables, regroupings and breaks
	const code = ['pipelines/serve/precompute.ts', 'src/lib/data/precomputed.ts', 'src/lib/data/engine.ts', 'src/lib/data/queries.ts', 'src/lib/data/chain-queries.ts', 'src/lib/profile/ranks.ts', 'src/lib/profile/rows.ts', 'src/lib/chain/need.ts', 'src/lib/index/standardise.ts', 'src/lib/data/levels.ts', 'src/lib/data/geography.ts', 'src/lib/data/conversion.ts', 'src/lib/data/level-queries.ts', 'src/lib/data/reference-fallback.ts', 'src/lib/stats/reference-mean.ts'];
	for (const f of code) h.update(readFileSync(f));
	const stamp = `${to}.pre.stamp`;
	const digest = h.digest('hex');
	if (existsSync(`${to}/pre/index.json`) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
		console.log(`Vorberechnung: unverändert, „${to}/pre“ wird weiter verwendet.`);
		return;
	}
	// The precompute imports app modules through $lib: tsx finds the alias in the tsconfig that
	// svelte-kit sync writes (a fresh clone has none yet).
	run('npx', ['svelte-kit', 'sync']);
	run('npx', ['tsx', 'pipelines/serve/precompute.ts', to]);
	writeFileSync(stamp, digest);
}

/**
 * The data-quality report (pipelines/serve/precompute-quality.ts) for the served layout in `to`,
 * after precompute(): redone when the served layout or the code that computes the report changed,
 * or when precompute emptied pre/ again.
 * @param {string} to
 */
function precomputeQuality(to) {
	const h = createHash('sha256');
	h.update(readFileSync(`${to}.stamp`));
	const quality = readdirSync('src/lib/quality').filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')).map((f) => `src/lib/quality/${f}`);
	const code = ['pipelines/serve/precompute-quality.ts', 'src/lib/data/analysis/quality-data.ts', 'src/lib/data/analysis/published.ts', 'src/lib/data/queries.ts', 'src/lib/data/engine.ts', 'src/lib/data/levels.ts', 'src/lib/data/geography.ts', 'src/lib/stats/distributions.ts', ...quality.sort()];
	for (const f of code) h.update(readFileSync(f));
	const stamp = `${to}.quality.stamp`;
	const digest = h.digest('hex');
	if (existsSync(`${to}/pre/quality.json`) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
		console.log(`Datenqualität: unverändert, „${to}/pre/quality.json“ wird weiter verwendet.`);
		return;
	}
	run('npx', ['tsx', 'pipelines/serve/precompute-quality.ts', to]);
	writeFileSync(stamp, digest);
}

// Private to this output folder, so two builds (e.g. a benchmark) never share it.
// Absolute: the $data alias must not depend on where the importing module really lives.
const work = resolve(`.svelte-kit/data-${out.replace(/[^A-Za-z0-9]+/g, '_')}`);
const served = `${work}/served`;
// One folder per package, named after the package folder (a served root must not keep the
// folder of a package no longer bundled: everything below it goes into the site).
const dirs = sources.map((s) => basename(resolve(s)).replace(/[^A-Za-z0-9_-]+/g, '_'));
const twice = dirs.find((d, i) => dirs.indexOf(d) !== i);
if (twice) {
	console.error(`Zwei Paketordner heißen „${twice}“; bitte einen umbenennen (SOZIALRAUM_DATA=${sources.join(',')}).`);
	process.exit(1);
}
mkdirSync(served, { recursive: true });
for (const entry of readdirSync(served)) {
	if (!dirs.includes(entry) && !dirs.some((d) => entry === `${d}.stamp` || entry === `${d}.pre.stamp` || entry === `${d}.quality.stamp`)) rmSync(`${served}/${entry}`, { recursive: true, force: true });
}
if (!publicBuild) {
	sources.forEach((source, i) => {
		prepare(source, `${served}/${dirs[i]}`);
		precompute(`${served}/${dirs[i]}`);
		precomputeQuality(`${served}/${dirs[i]}`);
	});
} else {
	sources.forEach((source, i) => {
		const publicData = `${work}/public/${dirs[i]}`;
		rmSync(publicData, { recursive: true, force: true });
		console.log(`Öffentliche Fassung: Geheimhaltung für „${source}“ …`);
		run('npx', ['tsx', 'pipelines/publish/publish.ts', source, publicData]);
		prepare(publicData, `${served}/${dirs[i]}`);
		precompute(`${served}/${dirs[i]}`);
		precomputeQuality(`${served}/${dirs[i]}`);
	});
}
run('npx', ['tsx', 'pipelines/serve/site-index.ts', served, ...dirs]);
run('npx', ['vite', 'build'], { SOZIALRAUM_SITE_DATA: served, SOZIALRAUM_OUT: out });
if (publicBuild) {
	for (const source of sources) {
		console.log(`Prüfe „${out}“ auf geheim zu haltende Werte von „${source}“ …`);
		run('npx', ['tsx', 'pipelines/publish/scan.ts', out, source]);
	}
}
