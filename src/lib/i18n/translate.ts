import { MESSAGES, type Locale, type MessageKey } from './messages';
import { vocabulary } from './vocabulary';

export type Params = Record<string, string | number>;

/**
 * Look up a message and fill `{name}` placeholders. Params are inserted as text (Svelte escapes).
 * The package's level words ({lvl}, {lvls}, {whole} …, vocabulary.ts) are default params.
 */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
	const template: string = MESSAGES[locale][key] ?? MESSAGES.de[key];
	const words = vocabulary()[locale];
	return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : name in words ? words[name] : m));
}

/** BCP 47 tag for Intl formatting. */
export function intlLocale(locale: Locale): 'de-DE' | 'en-GB' {
	return locale === 'de' ? 'de-DE' : 'en-GB';
}
