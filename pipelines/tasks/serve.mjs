/**
 * A small static file server for the built site (npm start, end-to-end tests, benchmarks).
 * Node's own http module: no dependency, correct MIME types (a .wasm served as anything other than
 * application/wasm makes DuckDB's start hang), and it only ever listens on loopback.
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.geojson': 'application/geo+json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.map': 'application/json; charset=utf-8'
};

/**
 * Resolve a URL path to a file inside root (never outside it), SvelteKit-static style.
 * @param {string} root
 * @param {string} urlPath
 * @returns {Promise<string | null>}
 */
async function resolveFile(root, urlPath) {
	const clean = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
	const base = join(root, clean);
	if (!base.startsWith(root)) return null;
	for (const candidate of [base, join(base, 'index.html'), base + '.html']) {
		try {
			const s = await stat(candidate);
			if (s.isFile()) return candidate;
		} catch {
			/* try the next candidate */
		}
	}
	return null;
}

/**
 * Start serving `dir` on 127.0.0.1:`port` (0 = any free port).
 * @param {string} [dir]
 * @param {number} [port]
 * @returns {Promise<{ url: string, close: () => Promise<unknown> }>}
 */
export function serve(dir = 'build', port = 4173) {
	const root = resolve(dir);
	const server = createServer(async (req, res) => {
		const file = await resolveFile(root, req.url ?? '/');
		const target = file ?? (await resolveFile(root, '/404.html'));
		if (!target) {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Nicht gefunden');
			return;
		}
		res.writeHead(file ? 200 : 404, {
			'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
			'x-content-type-options': 'nosniff',
			'cache-control': target.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
		});
		createReadStream(target).pipe(res);
	});
	return new Promise((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			const address = server.address();
			const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
			resolvePromise({ url, close: () => new Promise((r) => server.close(() => r(undefined))) });
		});
	});
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const port = Number(process.env.PORT ?? 4173);
	serve(process.argv[2] ?? 'build', port).then(({ url }) => {
		console.log(`Sozialraum-Monitor läuft auf ${url}  (Beenden mit Strg+C)`);
	});
}
