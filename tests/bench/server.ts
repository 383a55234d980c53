/**
 * A static file server for benchmarks that logs every response (path, bytes, start and end on the
 * wall clock). The page's own timeline cannot see what the DuckDB worker fetches (the 33 MB wasm),
 * the server can. Same MIME types and loopback-only binding as pipelines/tasks/serve.mjs; no
 * compression, so "bytes" are the files' own sizes (gzip figures are computed separately).
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.geojson': 'application/geo+json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.arrow': 'application/vnd.apache.arrow.stream',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.txt': 'text/plain; charset=utf-8'
};

export interface LoggedResponse {
	/** URL path with query. */
	path: string;
	/** File served (absolute), or null for a 404. */
	file: string | null;
	status: number;
	bytes: number;
	/** Wall-clock milliseconds (performance.timeOrigin + performance.now()). */
	start: number;
	end: number;
}

export interface LoggingServer {
	url: string;
	root: string;
	log: LoggedResponse[];
	close(): Promise<void>;
}

const now = () => performance.timeOrigin + performance.now();

async function resolveFile(root: string, urlPath: string): Promise<string | null> {
	const clean = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
	const base = join(root, clean);
	if (!base.startsWith(root)) return null;
	for (const candidate of [base, join(base, 'index.html'), base + '.html']) {
		try {
			if ((await stat(candidate)).isFile()) return candidate;
		} catch {
			/* next candidate */
		}
	}
	return null;
}

export function serveLogged(dir: string): Promise<LoggingServer> {
	const root = resolve(dir);
	const log: LoggedResponse[] = [];
	const server = createServer(async (req, res) => {
		const start = now();
		const path = req.url ?? '/';
		const file = await resolveFile(root, path);
		const target = file ?? (await resolveFile(root, '/404.html'));
		const entry: LoggedResponse = { path, file, status: file ? 200 : 404, bytes: 0, start, end: start };
		log.push(entry);
		if (!target) {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Nicht gefunden');
			entry.end = now();
			return;
		}
		const size = (await stat(target)).size;
		res.writeHead(entry.status, {
			'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
			'content-length': String(size),
			'x-content-type-options': 'nosniff',
			'cache-control': target.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
		});
		res.on('finish', () => {
			entry.bytes = size;
			entry.end = now();
		});
		createReadStream(target).pipe(res);
	});
	return new Promise((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			resolvePromise({
				url: `http://127.0.0.1:${port}/`,
				root,
				log,
				close: () =>
					new Promise((r) => {
						server.closeAllConnections();
						server.close(() => r());
					})
			});
		});
	});
}
