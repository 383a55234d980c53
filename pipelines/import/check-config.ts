/**
 * Structural check of an import config before any file is read, in German, so a typo in the JSON
 * says "tables[0].file fehlt" instead of failing somewhere deep inside.
 */
import { isCrsCode } from '../../src/lib/import/crs';
import type { ImportConfig } from '../../src/lib/import/config';

const ACTIONS = ['missing', 'suppressed', 'zero', 'provisional'];

export function checkConfig(c: ImportConfig): string[] {
	const out: string[] = [];
	const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
	if (!c || typeof c !== 'object') return ['Die Konfiguration muss ein JSON-Objekt sein.'];
	const p = c.package;
	if (!p || typeof p !== 'object') out.push('„package“ fehlt (Name, Titel, Gebiet, Datenstand, Quellen, Lizenz).');
	else {
		for (const k of ['name', 'title', 'territory_de', 'datenstand', 'license'] as const) if (!text(p[k])) out.push(`„package.${k}“ fehlt.`);
		if (text(p.name) && !/^[a-z0-9][a-z0-9_-]*$/.test(p.name)) out.push('„package.name“ darf nur Kleinbuchstaben, Ziffern, - und _ enthalten.');
		if (text(p.datenstand) && !/^\d{4}-\d{2}-\d{2}$/.test(p.datenstand)) out.push('„package.datenstand“ muss ein Datum der Form JJJJ-MM-TT sein.');
		if (!Array.isArray(p.sources)) out.push('„package.sources“ muss eine Liste von Quellenangaben sein.');
		for (const k of ['minNumerator', 'minDenominator'] as const) if (!Number.isInteger(p[k]) || p[k] < 0) out.push(`„package.${k}“ muss eine ganze Zahl ≥ 0 sein.`);
	}
	if (!c.geometry || !Array.isArray(c.geometry.files) || c.geometry.files.length === 0) out.push('„geometry.files“ fehlt: Welche Datei enthält die Gebiete?');
	else if (c.geometry.crs !== undefined && !isCrsCode(c.geometry.crs)) out.push(`„geometry.crs“: „${c.geometry.crs}“ wird nicht unterstützt (EPSG:25832, EPSG:25833, EPSG:31466, EPSG:31467, EPSG:3857, EPSG:4326).`);
	if (!Array.isArray(c.tables) || c.tables.length === 0) out.push('„tables“ fehlt: mindestens eine Tabelle ist nötig.');
	else c.tables.forEach((t, i) => !text(t?.file) && out.push(`„tables[${i}].file“ fehlt.`));
	if (!Array.isArray(c.indicators)) out.push('„indicators“ fehlt: Angaben zu jedem Indikator (Kennung, Bezeichnung, Einheit, Richtung, Lebensphase).');
	else c.indicators.forEach((m, i) => !text(m?.id) && out.push(`„indicators[${i}].id“ fehlt.`));
	for (const [symbol, action] of Object.entries(c.placeholders ?? {})) {
		if (!ACTIONS.includes(action)) out.push(`„placeholders“: „${symbol}“ → „${action}“ ist keine zulässige Bedeutung (missing, suppressed, zero, provisional).`);
	}
	return out;
}
