import { atlasPreview } from '$lib/data/preview-server';

// Runs once at build time (the site is prerendered), never in the browser.
export async function load() {
	return { preview: await atlasPreview() };
}
