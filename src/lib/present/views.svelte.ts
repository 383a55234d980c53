/**
 * The data behind atlas slides, loaded once per URL (two slides of the same view share it) and kept
 * while the presentation page is open. Loading goes through the atlas' own state class, so a slide
 * shows exactly what the atlas shows for that URL.
 */
import type { Atlas } from '$lib/atlas/atlas.svelte';
import { loadAtlasView } from './atlas-slide';

export type ViewEntry = { status: 'loading' } | { status: 'ready'; atlas: Atlas } | { status: 'error'; error: string };

class Views {
	entries = $state<Record<string, ViewEntry>>({});
	#pending = new Map<string, Promise<Atlas>>();

	/** Start loading (call from an effect or event, never while rendering). */
	ensure(url: string): Promise<Atlas> {
		let p = this.#pending.get(url);
		if (!p) {
			this.entries[url] = { status: 'loading' };
			p = loadAtlasView(url);
			this.#pending.set(url, p);
			p.then(
				(atlas) => (this.entries[url] = { status: 'ready', atlas }),
				(e: Error) => {
					this.entries[url] = { status: 'error', error: e.message };
					this.#pending.delete(url);
				}
			);
		}
		return p;
	}

	/** Legend labels and numbers follow the UI language. */
	setLocale(locale: 'de-DE' | 'en-GB') {
		for (const e of Object.values(this.entries)) if (e.status === 'ready') e.atlas.locale = locale;
	}
}

export const views = new Views();
