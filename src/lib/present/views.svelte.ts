/**
 * The data behind the slides, loaded once per URL (two slides of the same view share it) and kept
 * while the presentation page is open. Loading goes through each page's own state classes (see
 * load-view.ts), so a slide shows exactly what its page shows for that URL.
 */
import { loadView, type LoadedView } from './load-view';

export type ViewEntry = { status: 'loading' } | { status: 'ready'; view: LoadedView } | { status: 'error'; error: string };

class Views {
	// raw: the loaded views hold geometry and class instances that must not become deep proxies
	entries = $state.raw<Record<string, ViewEntry>>({});
	#pending = new Map<string, Promise<LoadedView>>();

	/** Start loading (call from an effect or event, never while rendering). */
	ensure(url: string): Promise<LoadedView> {
		let p = this.#pending.get(url);
		if (!p) {
			this.#set(url, { status: 'loading' });
			p = loadView(url);
			this.#pending.set(url, p);
			p.then(
				(view) => this.#set(url, { status: 'ready', view }),
				(e: Error) => {
					this.#set(url, { status: 'error', error: e.message });
					this.#pending.delete(url);
				}
			);
		}
		return p;
	}

	#set(url: string, entry: ViewEntry) {
		this.entries = { ...this.entries, [url]: entry };
	}

	/** Legend labels and numbers follow the UI language (the other views format while drawing). */
	setLocale(locale: 'de-DE' | 'en-GB') {
		for (const e of Object.values(this.entries)) {
			if (e.status !== 'ready') continue;
			if (e.view.kind === 'atlas') e.view.atlas.locale = locale;
			if (e.view.kind === 'indicator') e.view.page.locale = locale;
		}
	}
}

export const views = new Views();
