/** Texts of the package choice (several bundled packages, e.g. Musterstadt and Musterkreis). */
import type { Catalog } from './index';

export const de = {
	'packages.heading': 'Welches Datenpaket möchten Sie ansehen?',
	'packages.intro': 'Der Sozialraum-Monitor bringt {n} Datenpakete mit. Ihre Wahl gilt für alle Seiten und bleibt in diesem Browser gespeichert; oben können Sie jederzeit wechseln.',
	'packages.option': '{territory} – {summary}',
	'packages.shown': 'wird angezeigt',
	'packages.switch': 'Datenpaket wechseln',
	'packages.close': 'Schließen'
} as const;

export const en: Record<keyof typeof de, string> = {
	'packages.heading': 'Which data package would you like to see?',
	'packages.intro': 'The Sozialraum-Monitor comes with {n} data packages. Your choice applies to every page and is kept in this browser; you can switch at the top at any time.',
	'packages.option': '{territory} – {summary}',
	'packages.shown': 'shown now',
	'packages.switch': 'Switch data package',
	'packages.close': 'Close'
};

export const packages: Catalog<typeof de> = { de, en };
