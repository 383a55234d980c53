/**
 * Reading an offer list into offer records: the package's own offers.csv (export → import gives the
 * same records back) or a Familien-Navi-style list from a provider portal or a spreadsheet, as CSV
 * in any of the usual encodings and delimiters or as XLSX. The readers, header detection and German
 * number parsing of src/lib/import do the reading; this module maps the columns by their names,
 * turns each row into a record and says, with file, row and column, what it could not use. A row
 * is either read or reported: nothing is dropped silently. Nothing is stored here.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { isIsoDate } from '$lib/data/package/csv';
import type { AreaProperties } from '$lib/data/types';
import { prepareTable } from '$lib/import/prepare-table';
import { cellText, type Cell } from '$lib/import/grid';
import { keyMatchForm, keyText } from '$lib/import/keys';
import { fold } from '$lib/import/mapping';
import { normaliseName } from '$lib/import/names';
import { parseNumberCell, type DecimalMark } from '$lib/import/numbers';
import { ProblemList, quote, type ImportProblem } from '$lib/import/problems';
import { areaAt, labelPoint } from '$lib/map/geo';
import { canonicalOffer, OFFER_ID_PATTERN, type OfferRecord } from './offer-record';
import { parsePhases } from './phases';

export type OfferField = keyof OfferRecord | 'street' | 'house' | 'postcode' | 'town';

/**
 * Header words per field, on the folded header (lower case, umlauts spelt out), strongest first.
 * The package's own column names come first, so its export maps onto itself.
 */
const WORDS: [OfferField, RegExp][] = [
	['id', /^(id|kennung|angebots ?(nr|nummer|id)|nr\.?)$/],
	['name', /^(name|angebot|angebotsname|bezeichnung|titel|einrichtung|name des angebots)$/],
	['provider', /^(provider|traeger|anbieter|organisation|traegerschaft|veranstalter)$/],
	['category', /^(category|kategorie|angebotsart|art|typ|angebotstyp|rubrik)$/],
	['life_phases', /^(life_phases|lebensphasen?|zielgruppen?|altersgruppen?|alter)$/],
	['topics', /^(topics|themen|thema|schlagworte?|stichworte?)$/],
	['area_key', /^(area_key|sozialraum|gebiet|gebietsschluessel|schluessel|stadtteil|quartier|ortsteil|gemeinde|bezirk)$/],
	['lon', /^(lon|lng|laengengrad|laenge|longitude|geo_?laenge|x)$/],
	['lat', /^(lat|breitengrad|breite|latitude|geo_?breite|y)$/],
	['places', /^(places|plaetze|platzzahl|kapazitaet|anzahl plaetze)$/],
	['address', /^(address|adresse|anschrift)$/],
	['street', /^(strasse|str\.?)$/],
	['house', /^(hausnummer|hausnr\.?|nr\.? \(haus\))$/],
	['postcode', /^(plz|postleitzahl)$/],
	['town', /^(ort|stadt|wohnort)$/],
	['description', /^(description|beschreibung|kurzbeschreibung|info|informationen|text)$/],
	['valid_from', /^(valid_from|gueltig ab|beginn|start|seit|von)$/],
	['valid_to', /^(valid_to|gueltig bis|ende|bis)$/]
];

export interface ReadContext {
	/** Geometry of the finest level: location ↔ area. */
	areas: FeatureCollection<Geometry, AreaProperties>;
}

export interface ReadRow {
	/** Row number as the spreadsheet shows it. */
	row: number;
	record: OfferRecord;
	/** The id came from the file (else a new one is given on import). */
	hasId: boolean;
	/** Located only by its area (placed at the area's label point). */
	approximate: boolean;
}

export interface ReadResult {
	file: string;
	rows: ReadRow[];
	/** Errors (the file cannot be imported as it is), warnings and notes, each with row and column. */
	problems: ImportProblem[];
	/** Which column of the file feeds which field. */
	mapping: Partial<Record<OfferField, string>>;
}

export function mapColumns(columns: readonly string[]): Partial<Record<OfferField, string>> {
	const mapping: Partial<Record<OfferField, string>> = {};
	const taken = new Set<string>();
	for (const [field, re] of WORDS) {
		const c = columns.find((name) => !taken.has(name) && re.test(fold(name)));
		if (c !== undefined) {
			mapping[field] = c;
			taken.add(c);
		}
	}
	return mapping;
}

/** "01.08.2025", "1.8.2025" or "2025-08-01" → ISO; null when it is no date. */
export function dateText(text: string): string | null {
	const t = text.trim();
	if (isIsoDate(t)) return t;
	const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
	if (!m) return null;
	const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
	return isIsoDate(iso) ? iso : null;
}

export function readOffers(file: string, bytes: Uint8Array, ctx: ReadContext): ReadResult {
	const problems = new ProblemList(100);
	let prepared;
	try {
		prepared = prepareTable({ name: file, bytes }, { wide: false });
	} catch (e) {
		problems.error(file, `Die Datei konnte nicht gelesen werden (${(e as Error).message}). Erwartet wird eine CSV- oder Excel-Datei.`);
		return { file, rows: [], problems: problems.finish(), mapping: {} };
	}
	for (const n of prepared.notes) problems.info(file, n);
	const { long, layout } = prepared;
	const mapping = mapColumns(long.columns);
	const ignored = long.columns.filter((c) => !Object.values(mapping).includes(c));
	if (ignored.length) problems.info(file, `Nicht übernommene Spalten: ${ignored.map(quote).join(', ')}.`);
	if (!mapping.name) {
		problems.error(file, `Keine Spalte mit dem Namen des Angebots gefunden (erwartet z. B. „name“, „Angebot“ oder „Bezeichnung“; gefunden: ${long.columns.map(quote).join(', ')}).`, { row: layout.headerRow + 1 });
		return { file, rows: [], problems: problems.finish(), mapping };
	}
	for (const s of layout.skipped.filter((x) => x.row > layout.headerRow)) {
		problems.warning(file, `Zeile übersprungen, sie enthält nur ${quote(s.text)} (keine vollständige Angebotszeile).`, { row: s.row + 1 });
	}
	const index = (f: OfferField) => (mapping[f] === undefined ? -1 : long.columns.indexOf(mapping[f]!));
	const decimal: DecimalMark = prepared.decimal;
	const areas = ctx.areas.features;
	const byKey = new Map(areas.map((f) => [keyMatchForm(f.properties.key), f]));
	const byName = new Map(areas.map((f) => [normaliseName(f.properties.name), f]));
	const rows: ReadRow[] = [];
	for (const r of long.rows) {
		const cell = (f: OfferField): Cell => (index(f) < 0 ? '' : (r.cells[index(f)] ?? ''));
		const text = (f: OfferField) => cellText(cell(f));
		const where = (f: OfferField) => ({ row: r.row, column: mapping[f] });
		let ok = true;
		const error = (f: OfferField, message: string) => {
			problems.error(file, message, where(f));
			ok = false;
		};
		const name = text('name');
		if (name === '') error('name', 'Der Name des Angebots fehlt.');
		const id = keyText(cell('id'));
		if (id !== '' && !OFFER_ID_PATTERN.test(id)) error('id', `${quote(id)} ist keine gültige Kennung (Buchstaben, Ziffern, „-“, „_“, „.“, höchstens 40 Zeichen).`);

		const phaseText = text('life_phases');
		const { phases, unknown } = parsePhases(phaseText);
		if (mapping.life_phases === undefined) error('name', 'Die Spalte mit den Lebensphasen oder Zielgruppen fehlt.');
		else if (unknown.length) error('life_phases', `${unknown.map(quote).join(', ')}: keine bekannte Lebensphase (erlaubt: schwangerschaft_geburt, u3, 3_6, 6_10, 10_16, 16_27, Altersangaben wie „3-6“ oder Wörter wie „Krippe“).`);
		else if (phases.length === 0) error('life_phases', 'Keine Lebensphase angegeben.');

		const num = (f: OfferField, integer: boolean): number | null | undefined => {
			const c = cell(f);
			const p = parseNumberCell(c, decimal);
			if (p.kind === 'empty') return null;
			if (p.kind !== 'number') {
				error(f, p.kind === 'invalid' ? p.message : `${quote(cellText(c))} ist keine Zahl.`);
				return undefined;
			}
			if (integer && (!Number.isInteger(p.value) || p.value < 0)) {
				error(f, `${quote(cellText(c))} ist keine ganze Zahl ≥ 0.`);
				return undefined;
			}
			return p.value;
		};
		const places = num('places', true);
		let lon = num('lon', false);
		let lat = num('lat', false);
		if ((lon === null) !== (lat === null) && lon !== undefined && lat !== undefined) error(lon === null ? 'lon' : 'lat', 'Länge und Breite gehören zusammen; eine der beiden fehlt.');
		if (typeof lon === 'number' && typeof lat === 'number' && (Math.abs(lon) > 180 || Math.abs(lat) > 90)) {
			error('lon', `Koordinate (${lon}, ${lat}) liegt außerhalb von WGS84; ist die Datei in UTM (EPSG:25832)? Bitte Längen- und Breitengrad in Grad angeben.`);
			lon = lat = undefined;
		}

		// Where: the point decides the area; without a point, the area (by key or name) places it.
		const areaCell = text('area_key');
		const named = areaCell === '' ? undefined : (byKey.get(keyMatchForm(keyText(cell('area_key')))) ?? byName.get(normaliseName(areaCell)));
		if (areaCell !== '' && !named) error('area_key', `Gebiet ${quote(areaCell)} gibt es auf der Ebene der Sozialräume nicht (weder als Schlüssel noch als Name).`);
		let area: Feature<Geometry, AreaProperties> | undefined = named;
		let approximate = false;
		if (typeof lon === 'number' && typeof lat === 'number') {
			const key = areaAt(ctx.areas, [lon, lat]);
			// on a boundary (rounded to 5 decimals) or just outside: the area the file names decides
			if (key === null && named) problems.warning(file, `Standort (${lon}, ${lat}) liegt auf dem Rand oder knapp außerhalb von ${quote(named.properties.name)}; übernommen wird dieses Gebiet.`, where('lon'));
			else if (key === null) error('lon', `Standort (${lon}, ${lat}) liegt außerhalb aller Gebiete.`);
			else {
				if (named && named.properties.key !== key) {
					problems.warning(file, `Standort liegt nicht in ${quote(named.properties.name)}, sondern in ${quote(areas.find((f) => f.properties.key === key)!.properties.name)}; übernommen wird das Gebiet des Standorts.`, where('area_key'));
				}
				area = areas.find((f) => f.properties.key === key);
			}
		} else if (lon === null && lat === null) {
			if (named) {
				const p = labelPoint(named.geometry);
				if (p) [lon, lat] = p;
				approximate = true;
				problems.warning(file, `Keine Koordinaten: das Angebot wird in die Mitte von ${quote(named.properties.name)} gesetzt; bitte die Lage auf der Karte prüfen.`, where('area_key'));
			} else if (areaCell === '') error(mapping.lon ? 'lon' : 'name', 'Weder Koordinaten noch Gebiet angegeben: das Angebot lässt sich nicht verorten.');
		}

		const dates: Record<'valid_from' | 'valid_to', string | null> = { valid_from: null, valid_to: null };
		for (const f of ['valid_from', 'valid_to'] as const) {
			const t = text(f);
			if (t === '') continue;
			const d = dateText(t);
			if (d === null) error(f, `${quote(t)} ist kein Datum (erwartet TT.MM.JJJJ oder JJJJ-MM-TT).`);
			dates[f] = d;
		}
		if (dates.valid_from && dates.valid_to && dates.valid_to < dates.valid_from) error('valid_to', `Ende ${dates.valid_to} liegt vor dem Beginn ${dates.valid_from}.`);

		const address = text('address') || joinAddress(text('street'), text('house'), text('postcode'), text('town'));
		if (!ok || !area || typeof lon !== 'number' || typeof lat !== 'number' || places === undefined) continue;
		rows.push({
			row: r.row,
			hasId: id !== '',
			approximate,
			record: canonicalOffer({
				id,
				name,
				provider: text('provider'),
				category: text('category'),
				life_phases: phases,
				topics: [...new Set(text('topics').split(/[|;,]+/).map((s) => s.trim()).filter(Boolean))],
				area_key: area.properties.key,
				lon,
				lat,
				places,
				address,
				description: text('description'),
				...dates
			})
		});
	}
	if (long.rows.length === 0) problems.error(file, 'Die Datei enthält keine Angebotszeilen.');
	return { file, rows, problems: problems.finish(), mapping };
}

/** "Lindenstraße 12, 45101 Musterstadt" from its parts (any may be empty). */
function joinAddress(street: string, house: string, postcode: string, town: string): string {
	const line1 = [street, house].filter(Boolean).join(' ');
	const line2 = [postcode, town].filter(Boolean).join(' ');
	return [line1, line2].filter(Boolean).join(', ');
}
