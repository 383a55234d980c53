/**
 * The mapping step: which column of a (long) table is the area key, the name, the year, the
 * indicator, the value, the numerator, the denominator. Suggested from the header names offices
 * use ("Schlüssel", "Sozialraum", "Jahr", "Anzahl", "Insgesamt", "Quote") and checked against the
 * data (a "Sozialraum" column full of digits is the key, not the name). The user confirms or
 * changes every role.
 */
import { cellText, type Cell } from './grid';
import { parseYear } from './records';
import { YEAR_COLUMN, type LongTable } from './reshape';

export const ROLES = ['key', 'name', 'year', 'indicator', 'value', 'numerator', 'denominator', 'population'] as const;
export type Role = (typeof ROLES)[number];
export type ColumnMapping = Partial<Record<Role, string>>;

export const ROLE_LABELS_DE: Record<Role, string> = {
	key: 'Gebietsschlüssel',
	name: 'Gebietsname',
	year: 'Jahr',
	indicator: 'Indikator',
	value: 'Wert (Quote, Anteil)',
	numerator: 'Zähler (Anzahl)',
	denominator: 'Nenner (Grundgesamtheit)',
	population: 'Einwohner insgesamt'
};

/** Header words per role, strongest first. Matched on a folded header (lower case, umlauts spelt out). */
const WORDS: Record<Role, RegExp[]> = {
	key: [/schluessel|kennziffer|kennung|gebietsnr|\bnr\b|nummer|\bcode\b|\bkey\b|\bid\b|\bags\b|sr_?nr/],
	name: [/\bname\b|bezeichnung|sozialraum|stadtteil|stadtbezirk|bezirk|gebiet|ortsteil|quartier/],
	year: [/^jahr$|berichtsjahr|\bjahr\b|\byear\b|stichtag/],
	indicator: [/indikator|merkmal|kennzahl|\bindicator\b|variable|\bthema\b/],
	value: [/quote|anteil|\brate\b|\bwert\b|\bvalue\b|prozent|%|je 1\.?000|je 100\b/],
	numerator: [/zaehler|numerator|\banzahl\b|faelle|darunter|davon|empfaenger|leistungsbezieh|sgb|\bkinder\b.*\bin\b/],
	denominator: [/nenner|denominator|insgesamt|gesamt|bevoelkerung|einwohner|grundgesamtheit|basis|\balle\b/],
	population: [/^(einwohner(innen)?|bevoelkerung|einwohnerzahl)( insgesamt| gesamt)?$|einwohner(innen)? insgesamt|bevoelkerung insgesamt/]
};

export function fold(text: string): string {
	return text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/\s+/g, ' ').trim();
}

const digitShare = (cells: Cell[]) => share(cells, (c) => /^\d+(\.0+)?$/.test(cellText(c)));
const textShare = (cells: Cell[]) => share(cells, (c) => /[a-zäöüß]{2}/i.test(cellText(c)));
const yearShare = (cells: Cell[]) => share(cells, (c) => parseYear(cellText(c)) !== null);
function share(cells: Cell[], test: (c: Cell) => boolean): number {
	const filled = cells.filter((c) => cellText(c) !== '');
	return filled.length ? filled.filter(test).length / filled.length : 0;
}

/** A suggestion for every role that has a plausible column; each column is used at most once. */
export function suggestMapping(table: LongTable): ColumnMapping {
	const sample = table.rows.slice(0, 200);
	const column = (i: number) => sample.map((r) => r.cells[i]);
	const taken = new Set<number>();
	const mapping: ColumnMapping = {};
	const pick = (role: Role, ok: (i: number) => boolean) => {
		for (const re of WORDS[role]) {
			const i = table.columns.findIndex((name, idx) => !taken.has(idx) && re.test(fold(name)) && ok(idx));
			if (i >= 0) {
				taken.add(i);
				mapping[role] = table.columns[i];
				return;
			}
		}
	};
	if (table.reshaped) {
		mapping.year = YEAR_COLUMN;
		taken.add(table.columns.indexOf(YEAR_COLUMN));
	} else pick('year', (i) => yearShare(column(i)) > 0.9);
	// key before name: a "Sozialraum" column of digits is a key
	pick('key', (i) => digitShare(column(i)) > 0.8 || /schluessel|kennziffer|nr|code|key/.test(fold(table.columns[i])));
	if (!mapping.key) {
		const i = table.columns.findIndex((_, idx) => !taken.has(idx) && digitShare(column(idx)) > 0.95 && yearShare(column(idx)) < 0.5);
		if (i >= 0 && i < 2) {
			taken.add(i);
			mapping.key = table.columns[i];
		}
	}
	pick('name', (i) => textShare(column(i)) > 0.8);
	pick('indicator', (i) => textShare(column(i)) > 0.8);
	const numeric = (i: number) => textShare(column(i)) < 0.2;
	pick('denominator', numeric);
	pick('numerator', numeric);
	pick('value', numeric);
	// residents beside the indicator's own denominator (never the denominator itself)
	if (mapping.denominator || mapping.value) pick('population', numeric);
	// a wide table with one unnamed measure: its values are the value
	if (table.reshaped && !mapping.value && !mapping.numerator && table.columns.includes('Wert')) mapping.value = 'Wert';
	return mapping;
}
