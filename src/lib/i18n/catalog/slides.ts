/** Texts of the slides that draw profile, target, indicator and index views. */
import type { Catalog } from './index';

export const de = {
	'present.noView': 'Zu dieser Seite gibt es keine Folie.',
	'present.loadingView': 'Ansicht wird geladen …',
	'present.profileTitle': 'Sozialraum {area}, {year}',
	'present.profile.areaKey': 'Sozialraum {key}',
	'present.profile.under18': 'Kinder und Jugendliche (unter 18)',
	'present.profile.col.spine': 'Alle Sozialräume',
	'present.profile.col.compare': 'Vergleich',
	'present.profile.key.range': 'Spanne aller Sozialräume',
	'present.profile.key.iqr': 'mittlere Hälfte der Sozialräume',
	'present.profile.key.city': 'Stadtwert',
	'present.profile.key.value': 'Sozialraum (95-%-KI), Farbe: Vergleich',
	'present.targetTitle': '{indicator}: Ziel {year} für {scope}',
	'present.targetLabel': '{indicator}: {scope}',
	'present.indexTitle': 'Sozialindex {year}: Statusklassen',
	'present.index.settings': 'Jahr {year} · {method} · einbezogen ab {min} Einwohnerinnen und Einwohnern',
	'present.index.caption': 'Sehr niedriger Status (Klasse 4): {list}.',
	'present.index.captionNone': 'Kein Sozialraum hat einen sehr niedrigen Status (Klasse 4).'
} as const;

export const en: Record<keyof typeof de, string> = {
	'present.noView': 'There is no slide for this page.',
	'present.loadingView': 'Loading view …',
	'present.profileTitle': 'Area {area}, {year}',
	'present.profile.areaKey': 'Area {key}',
	'present.profile.under18': 'Children and young people (under 18)',
	'present.profile.col.spine': 'All areas',
	'present.profile.col.compare': 'Comparison',
	'present.profile.key.range': 'range of all areas',
	'present.profile.key.iqr': 'middle half of the areas',
	'present.profile.key.city': 'city value',
	'present.profile.key.value': 'area (95% CI), colour: comparison',
	'present.targetTitle': '{indicator}: target {year} for {scope}',
	'present.targetLabel': '{indicator}: {scope}',
	'present.indexTitle': 'Social index {year}: status classes',
	'present.index.settings': 'Year {year} · {method} · areas with at least {min} residents',
	'present.index.caption': 'Very low status (class 4): {list}.',
	'present.index.captionNone': 'No area has a very low status (class 4).'
};

export const slides: Catalog<typeof de> = { de, en };
