/**
 * The current UI language as reactive state. German is the default; the choice is kept in
 * localStorage so a planner who switched to English keeps it.
 */
import { browser } from '$app/environment';
import { untrack } from 'svelte';
import { translate, intlLocale, type Params } from './translate';
import { LOCALES, type Locale, type MessageKey } from './messages';
import { setGeography, setViewLevel, wordsFor } from './vocabulary';
import type { AreaLevel } from '$lib/data/types';

const STORAGE_KEY = 'sozialraum-monitor.locale';

class I18n {
	locale = $state<Locale>('de');
	/** Bumped when the level words change, so every t() in a template re-runs. */
	#words = $state(0);

	constructor() {
		if (browser) {
			const saved = localStorage.getItem(STORAGE_KEY);
			if (saved && (LOCALES as readonly string[]).includes(saved)) this.locale = saved as Locale;
		}
	}

	set(locale: Locale) {
		this.locale = locale;
		if (browser) {
			localStorage.setItem(STORAGE_KEY, locale);
			document.documentElement.lang = locale;
		}
	}

	get intl(): 'de-DE' | 'en-GB' {
		return intlLocale(this.locale);
	}

	/** The loaded package's levels (finest first) and whether its top level is one area. */
	geography(levels: AreaLevel[], singleTop: boolean) {
		const key = JSON.stringify([levels.map((l) => [l.id, l.label_de, l.label_en, l.label_plural_de, l.label_plural_en]), singleTop]);
		if (key === this.#geographyKey) return;
		this.#geographyKey = key;
		setGeography(levels, singleTop);
		// called from effects: bump without making the caller depend on the counter
		untrack(() => this.#words++);
	}
	#geographyKey = '';
	#viewLevel: string | null = null;

	/** The level the page shows now (atlas and profile switch it); null = the finest. */
	viewLevel(levelId: string | null) {
		if (levelId === this.#viewLevel) return;
		this.#viewLevel = levelId;
		setViewLevel(levelId);
		untrack(() => this.#words++);
	}

	/** The words of one level in the current language ({ Lvl, lvls, Lvls, … } as in vocabulary.ts). */
	words = (levelId: string): Record<string, string> => {
		void this.#words;
		return wordsFor(levelId, this.locale);
	};

	t = (key: MessageKey, params?: Params): string => {
		void this.#words;
		return translate(this.locale, key, params);
	};
}

export const i18n = new I18n();
export const t = (key: MessageKey, params?: Params) => i18n.t(key, params);
