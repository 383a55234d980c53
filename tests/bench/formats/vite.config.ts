/**
 * Builds the format benchmark page (tests/bench/formats) into .bench/formats-site: plain Vite, the
 * same DuckDB-wasm bundles and SQL as the app, no SvelteKit.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
	root: resolve(import.meta.dirname),
	base: './',
	logLevel: 'warn',
	resolve: { alias: { $lib: resolve(import.meta.dirname, '../../../src/lib') } },
	worker: { format: 'es' },
	build: { outDir: resolve(import.meta.dirname, '../../../.bench/formats-site'), emptyOutDir: true, chunkSizeWarningLimit: 4000 }
});
