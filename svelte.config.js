import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const out = process.env.SOZIALRAUM_OUT ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A static site: the whole app is files, so a municipality can host it anywhere (or open it offline).
		// SOZIALRAUM_OUT lets benchmarks build variants (other data packages) side by side.
		adapter: adapter({ pages: out, assets: out, fallback: '404.html', precompress: false, strict: true }),
		paths: { relative: true },
		// The data packages built into the site: a folder with packages.json and one folder per
		// package. `npm run build` prepares it from SOZIALRAUM_DATA (pipelines/tasks/build.mjs; a
		// municipality builds with its own folder: SOZIALRAUM_DATA=data/meinestadt npm run build,
		// docs/import.md); without it (npm run dev, npm run check) the demo packages in data/.
		alias: { $data: process.env.SOZIALRAUM_SITE_DATA ?? 'data' },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		csp: {
			// No request may leave the app's own origin (privacy promise; also issue 6's strict CSP).
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self', 'blob:', 'data:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
