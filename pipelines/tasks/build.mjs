/**
 * `npm run build` builds the site with the internal data package (default data/musterstadt or
 * SOZIALRAUM_DATA). `npm run build -- --oeffentlich` (or --public) builds the PUBLIC version:
 * it first writes a disclosure-controlled copy of the package (pipelines/publish), builds the site
 * from that copy, and then scans the built files for any withheld value; a finding fails the build.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

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

if (!publicBuild) {
	run('npx', ['vite', 'build']);
} else {
	const publicData = '.svelte-kit/public-data';
	rmSync(publicData, { recursive: true, force: true });
	console.log(`Öffentliche Fassung: Geheimhaltung für „${source}“ …`);
	run('npx', ['tsx', 'pipelines/publish/publish.ts', source, publicData]);
	run('npx', ['vite', 'build'], { SOZIALRAUM_DATA: publicData, SOZIALRAUM_OUT: out });
	console.log(`Prüfe „${out}“ auf geheim zu haltende Werte …`);
	run('npx', ['tsx', 'pipelines/publish/scan.ts', out, source]);
}
