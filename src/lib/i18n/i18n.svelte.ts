/**
 * The current UI language as reactive state. German is the default; the choice is kept in
 * localStorage so a planner who switched to English keeps it.
 */
import { browser } from '$app/environment';
import { translate, intlLocale, type Params } from './translate';
import { LOCALES, type Locale, type MessageKey } from './messages';

const STORAGE_KEY = 'sozialraum-monitor.locale';

class I18n {
	locale = $state<Locale>('de');

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

	t = (key: MessageKey, params?: Params): string => translate(this.locale, key, params);
}

export const i18n = new I18n();
export const t = (key: MessageKey, params?: Params) => i18n.t(key, params);
