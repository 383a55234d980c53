/**
 * `npm run build` builds the site with the internal data package (default data/musterstadt or
 * SOZIALRAUM_DATA). `npm run build -- --oeffentlich` (or --public) builds the PUBLIC version:
 * it first writes a disclosure-controlled copy of the package (pipelines/publish), builds the site
 * from that copy, and then scans the built files for any withheld value; a finding fails the build.
 *
 * Either way the site gets the package in its SERVED layout (pipelines/serve/prepare.ts): one
 * observation file per indicator, loaded when a page needs it, with disclosure control decided
 * here instead of at every page load.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const publicBuild = process.argv.includes('--oeffentlich') || process.argv.includes('--public');
const source = process.env.SOZIALRAUM_DATA ?? 'data/musterstadt';
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
	for (const f of ['pipelines/serve/prepare.ts', 'src/lib/data/served.ts', 'src/lib/stats/disclosure.ts', 'src/lib/data/disclosure-geo.ts', 'src/lib/data/geography.ts', 'src/lib/data/levels.ts']) h.update(readFileSync(f));
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
	const code = ['pipelines/serve/precompute.ts', 'src/lib/data/precomputed.ts', 'src/lib/data/engine.ts', 'src/lib/data/queries.ts', 'src/lib/data/chain-queries.ts', 'src/lib/profile/ranks.ts', 'src/lib/profile/rows.ts', 'src/lib/chain/need.ts', 'src/lib/index/standardise.ts'];
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

// Private to this output folder, so two builds (e.g. a benchmark) never share it.
// Absolute: the $data alias must not depend on where the importing module really lives.
const work = resolve(`.svelte-kit/data-${out.replace(/[^A-Za-z0-9]+/g, '_')}`);
const served = `${work}/served`;
if (!publicBuild) {
	prepare(source, served);
	precompute(served);
	run('npx', ['vite', 'build'], { SOZIALRAUM_DATA: served, SOZIALRAUM_OUT: out });
} else {
	const publicData = `${work}/public`;
	rmSync(publicData, { recursive: true, force: true });
	console.log(`Öffentliche Fassung: Geheimhaltung für „${source}“ …`);
	run('npx', ['tsx', 'pipelines/publish/publish.ts', source, publicData]);
	prepare(publicData, served);
	precompute(served);
	run('npx', ['vite', 'build'], { SOZIALRAUM_DATA: served, SOZIALRAUM_OUT: out });
	console.log(`Prüfe „${out}“ auf geheim zu haltende Werte …`);
	run('npx', ['tsx', 'pipelines/publish/scan.ts', out, source]);
}
