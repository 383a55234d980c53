import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { MemoryStorage } from '$lib/store/storage';
import { AREAS, offer } from './spec-fixtures';
import { newOfferId, validOn, type OfferRecord } from './offer-record';
import { planOfferImport, resolveOfferImport, sameOffer, metres } from './plan-import';
import { dateText, mapColumns, readOffers } from './read-offers';
import { offersCsv, openOfferStore } from './store';

const enc = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const ctx = { areas: AREAS };
const errors = (r: ReturnType<typeof readOffers>) => r.problems.filter((p) => p.severity === 'error').map((p) => p.message_de);
const pkg = [offer(), offer({ id: 'A002', name: 'Jugendtreff Hafen', category: 'Jugendtreff', life_phases: ['10_16', '16_27'], topics: [], area_key: '0102', lon: 7.15, lat: 51.02, places: null, address: '', description: '' })];
const open = (storage = new MemoryStorage<OfferRecord>()) => openOfferStore(storage, pkg, { areaKeys: new Set(['0101', '0102']) }, () => new Date('2026-03-01T10:00:00Z'));

describe('offer import', () => {
	it('gives back exactly the exported inventory (offers.csv in the package format)', async () => {
		const s = await open();
		await s.update({ ...s.get('A001')!, valid_to: '2025-12-31', places: 65 }, 'R. Schmidt');
		await s.create(offer({ id: '', name: 'Elterncafé am Markt', topics: ['Familie', 'Beratung'], lon: 7.011112, lat: 51.099999, places: null, valid_from: '2026-08-01' }));
		const csv = offersCsv(s.list());
		expect(csv.split('\n')[0]).toBe('id,name,provider,life_phases,topics,area_key,lon,lat,places,description,category,address,valid_from,valid_to');
		const read = readOffers('offers.csv', enc(csv), ctx);
		expect(errors(read)).toEqual([]);
		expect(read.rows.map((r) => r.record)).toEqual(s.list());
		// into an empty browser: every offer arrives with its id, nothing to decide
		const fresh = await openOfferStore(new MemoryStorage(), [], { areaKeys: new Set(['0101', '0102']) });
		const plan = planOfferImport(read, fresh.list());
		expect([plan.fresh.length, plan.conflicts.length, plan.duplicates.length]).toEqual([3, 0, 0]);
		const { put } = resolveOfferImport(plan, {}, newOfferId, fresh.taken());
		await fresh.putMany(put, { key: 'inventory.undo.import', params: { file: 'offers.csv' } });
		expect(fresh.list()).toEqual(s.list());
		// and back into the browser it came from: all identical
		expect(planOfferImport(read, s.list()).identical).toHaveLength(3);
	});

	it('reads a Familien-Navi list: semicolons, Windows-1252, German headers, address parts, ages, German dates and decimals', () => {
		const text = [
			'Angebote im Familien-Navi;;;;;;;;',
			'Angebot;Träger;Kategorie;Zielgruppe;Straße;Hausnr.;PLZ;Ort;Sozialraum;Längengrad;Breitengrad;Plätze;Gültig ab',
			'Krabbelgruppe Sonnenkäfer;Ev. Gemeinde;Elterncafé;0-3 Jahre;Marktstraße;4;45101;Musterstadt;Altstadt-Süd;7,0412;51,0433;;01.09.2024',
			'Hebammensprechstunde;Gesundheitsamt;Beratung;Schwangere, Krippe;Hafenweg;2;45102;Musterstadt;0102;;;;'
		].join('\r\n');
		const read = readOffers('familien-navi.csv', latin1(text), ctx);
		expect(errors(read)).toEqual([]);
		expect(read.problems.map((p) => p.message_de)).toContain('familien-navi.csv, Zeile 4, Spalte „Sozialraum“: Keine Koordinaten: das Angebot wird in die Mitte von „Hafen“ gesetzt; bitte die Lage auf der Karte prüfen.');
		const [a, b] = read.rows;
		expect(a.record).toMatchObject({ id: '', name: 'Krabbelgruppe Sonnenkäfer', provider: 'Ev. Gemeinde', category: 'Elterncafé', life_phases: ['u3'], area_key: '0101', lon: 7.0412, lat: 51.0433, address: 'Marktstraße 4, 45101 Musterstadt', valid_from: '2024-09-01' });
		expect(a.row).toBe(3);
		expect(b.record).toMatchObject({ life_phases: ['schwangerschaft_geburt', 'u3'], area_key: '0102', places: null });
		expect(b.approximate).toBe(true);
		expect(b.record.lon).toBeGreaterThan(7.1);
	});

	it('reads an XLSX sheet the same way', () => {
		const ws = XLSX.utils.aoa_to_sheet([
			['Name', 'Anbieter', 'Alter', 'Adresse', 'lat', 'lon', 'Plätze'],
			['Waldspielgruppe', 'Elterninitiative', '3 bis 6 Jahre', 'Am Stadtwald 1', 51.01, 7.19, 15]
		]);
		const wb = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(wb, ws, 'Angebote');
		const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
		const read = readOffers('liste.xlsx', bytes, ctx);
		expect(errors(read)).toEqual([]);
		expect(read.rows[0].record).toMatchObject({ name: 'Waldspielgruppe', life_phases: ['3_6'], area_key: '0102', places: 15, lon: 7.19, lat: 51.01 });
	});

	it('names file, row and column of everything it cannot use, and reads no row it has doubts about', () => {
		const text = [
			'name,life_phases,lon,lat,area_key,places,valid_from,valid_to',
			',u3,7.05,51.05,,,,',
			'Kita A,Senioren,7.05,51.05,,,,',
			'Kita B,u3,8.5,51.05,,,,',
			'Kita C,u3,,,Nirgendwo,,,',
			'Kita D,u3,7.05,51.05,,zwölf,,',
			'Kita E,u3,,,,,,',
			'Kita F,u3,7.05,51.05,,,2025-09-01,31.08.2025',
			'Kita G,u3,350000,5660000,,,,'
		].join('\n');
		const read = readOffers('liste.csv', enc(text), ctx);
		expect(read.rows).toEqual([]);
		expect(errors(read)).toEqual([
			'liste.csv, Zeile 2, Spalte „name“: Der Name des Angebots fehlt.',
			'liste.csv, Zeile 3, Spalte „life_phases“: „Senioren“: keine bekannte Lebensphase (erlaubt: schwangerschaft_geburt, u3, 3_6, 6_10, 10_16, 16_27, Altersangaben wie „3-6“ oder Wörter wie „Krippe“).',
			'liste.csv, Zeile 4, Spalte „lon“: Standort (8.5, 51.05) liegt außerhalb aller Gebiete.',
			'liste.csv, Zeile 5, Spalte „area_key“: Gebiet „Nirgendwo“ gibt es auf der Ebene der Sozialräume nicht (weder als Schlüssel noch als Name).',
			'liste.csv, Zeile 6, Spalte „places“: „zwölf“ ist keine Zahl.',
			'liste.csv, Zeile 7, Spalte „lon“: Weder Koordinaten noch Gebiet angegeben: das Angebot lässt sich nicht verorten.',
			'liste.csv, Zeile 8, Spalte „valid_to“: Ende 2025-08-31 liegt vor dem Beginn 2025-09-01.',
			'liste.csv, Zeile 9, Spalte „lon“: Koordinate (350000, 5660000) liegt außerhalb von WGS84; ist die Datei in UTM (EPSG:25832)? Bitte Längen- und Breitengrad in Grad angeben.'
		]);
	});

	it('refuses a file without a name column, saying which columns it found', () => {
		const read = readOffers('x.csv', enc('Titel der Tabelle\nSpalte1;Spalte2\na;b\n'), ctx);
		expect(errors(read)[0]).toMatch(/^x\.csv, Zeile 2: Keine Spalte mit dem Namen des Angebots gefunden/);
		expect(read.rows).toEqual([]);
	});

	it('finds duplicates by name and address or within 50 m, in the inventory and in the file, and writes only what was chosen', async () => {
		const s = await open();
		const text = [
			'Name;Träger;Zielgruppe;Adresse;Breite;Länge',
			'Familienzentrum Lindenhof;AWO;u3;Lindenstraße 12, 45101 Musterstadt;51,0700;7,0700', // same address as A001
			'Jugendtreff Hafen;Stadt;10-16;;51,0202;7,1501', // 15 m from A002
			'Neues Elterncafé;;u3;;51,06;7,06',
			'Neues Elterncafé;;u3;;51,06;7,06' // the row above again
		].join('\n');
		const read = readOffers('navi.csv', enc(text), ctx);
		const plan = planOfferImport(read, s.list());
		expect(plan.duplicates.map((d) => [d.row.row, d.existing.id || d.existing.name, d.reason, d.inFile])).toEqual([
			[2, 'A001', 'address', false],
			[3, 'A002', 'location', false],
			[5, 'Neues Elterncafé', 'location', true]
		]);
		expect(plan.fresh.map((r) => r.row)).toEqual([4]);
		expect(resolveOfferImport(plan, {}, newOfferId, s.taken()).missing).toHaveLength(3);
		const { put, result } = resolveOfferImport(plan, { '2': 'update', '3': 'skip', '5': 'skip' }, newOfferId, s.taken());
		expect(result).toEqual({ added: 1, updated: 1, skipped: 2, unchanged: 0 });
		// the update keeps the id and what the list leaves empty (category, places, description)
		expect(put[0]).toMatchObject({ id: 'A001', life_phases: ['u3'], category: 'Familienzentrum', places: 60, lon: 7.07 });
		expect(put[1].id).toMatch(/^L-/);
	});
});

describe('offer inventory', () => {
	it('counts an offer on the days it exists, both ends included', () => {
		const o = offer({ valid_from: '2025-08-01', valid_to: '2026-07-31' });
		expect(['2025-07-31', '2025-08-01', '2026-07-31', '2026-08-01'].map((d) => validOn(o, d))).toEqual([false, true, true, false]);
		expect(validOn(offer(), '1990-01-01')).toBe(true);
	});

	it('refuses an offer without name, phase or location, naming each field', async () => {
		const s = await open();
		const err = await s.create(offer({ id: '', name: ' ', life_phases: [], area_key: '', lon: NaN })).catch((e) => e);
		expect(err.issues.map((i: { field: string }) => i.field)).toEqual(['name', 'life_phases', 'area_key', 'lon']);
	});

	it('measures distance in metres the way a map does (1/1000 degree of latitude ≈ 110 m)', () => {
		expect(metres({ lon: 7, lat: 51 }, { lon: 7, lat: 51.001 })).toBeCloseTo(110.5, 0);
		expect(sameOffer(offer(), offer({ address: '', lon: 7.0503 }))).toBe('location');
		expect(sameOffer(offer(), offer({ address: '', lon: 7.06 }))).toBeNull();
	});

	it('reads German and ISO dates only when they are real days', () => {
		expect([dateText('1.8.2025'), dateText('2025-08-01'), dateText('31.02.2025'), dateText('08/01/2025')]).toEqual(['2025-08-01', '2025-08-01', null, null]);
	});

	it('maps the package columns onto themselves and German headers onto the fields', () => {
		expect(mapColumns(['Angebot', 'Träger', 'PLZ', 'Gültig bis', 'lat'])).toEqual({ name: 'Angebot', provider: 'Träger', postcode: 'PLZ', valid_to: 'Gültig bis', lat: 'lat' });
	});
});
