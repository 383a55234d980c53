/**
 * `npm start` on a fresh machine: install what is missing, build if the build is missing or older
 * than the sources, then serve the site and print the URL.
 */
import { execSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} cmd */
function run(cmd) {
	console.log(`> ${cmd}`);
	execSync(cmd, { stdio: 'inherit' });
}

/**
 * Newest modification time below a folder.
 * @param {string} dir
 * @returns {number}
 */
function newest(dir) {
	let t = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, entry.name);
		t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
	}
	return t;
}

if (!existsSync('node_modules/.package-lock.json')) run('npm ci');
const built = existsSync('build/index.html') ? statSync('build/index.html').mtimeMs : 0;
const sources = Math.max(newest('src'), newest('data'), newest('static'), statSync('package.json').mtimeMs);
if (built < sources) run('npm run build');
const { serve } = await import('./serve.mjs');
const { url } = await serve('build', Number(process.env.PORT ?? 4173));
console.log(`\nSozialraum-Monitor läuft: ${url}\n(Beenden mit Strg+C)`);
