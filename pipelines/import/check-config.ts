/**
 * Structural check of an import config before any file is read, in German, so a typo in the JSON
 * says "tables[0].file fehlt" instead of failing somewhere deep inside.
 */
import { isCrsCode } from '../../src/lib/import/crs';
import type { GeometryConfig, ImportConfig } from '../../src/lib/import/config';

const ACTIONS = ['missing', 'suppressed', 'zero', 'provisional'];
const MEND = ['rename', 'drop', 'merge', 'drop_part', 'clip', 'accept'];

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
	const crs = (path: string, g: GeometryConfig) => {
		if (!g || !Array.isArray(g.files) || g.files.length === 0) out.push(`„${path}.files“ fehlt: Welche Datei enthält die Gebiete?`);
		else if (g.crs !== undefined && !isCrsCode(g.crs)) out.push(`„${path}.crs“: „${g.crs}“ wird nicht unterstützt (EPSG:25832, EPSG:25833, EPSG:31466, EPSG:31467, EPSG:3857, EPSG:4326).`);
		if (g?.keyWidth !== undefined && g.keyWidth !== 'auto' && g.keyWidth !== 'strip' && !(Number.isInteger(g.keyWidth) && g.keyWidth >= 0)) out.push(`„${path}.keyWidth“ muss eine Stellenzahl, „auto“ oder „strip“ sein.`);
	};
	if (Array.isArray(c.levels) && c.levels.length > 0) {
		if (c.levels.length > 4) out.push('„levels“: höchstens 4 Ebenen (mit der obersten, dem ganzen Gebiet).');
		const ids = new Set<string>();
		c.levels.forEach((l, i) => {
			const at = `levels[${i}]`;
			if (!text(l?.id) || !/^[a-z][a-z0-9_]*$/.test(l.id)) out.push(`„${at}.id“ muss aus Kleinbuchstaben, Ziffern und _ bestehen und mit einem Buchstaben beginnen (z. B. „ortsteil“).`);
			else if (ids.has(l.id)) out.push(`„${at}.id“: die Ebene „${l.id}“ ist doppelt.`);
			ids.add(l?.id);
			if (!text(l?.label_de)) out.push(`„${at}.label_de“ fehlt (z. B. „Ortsteil“).`);
			if (Array.isArray(l?.versions) && l.versions.length > 0) l.versions.forEach((v, k) => {
				if (!text(v?.id)) out.push(`„${at}.versions[${k}].id“ fehlt (z. B. „2021“).`);
				for (const f of ['valid_from', 'valid_to'] as const) if (v?.[f] !== undefined && v[f] !== null && !Number.isInteger(v[f])) out.push(`„${at}.versions[${k}].${f}“ muss ein Jahr oder null sein.`);
				crs(`${at}.versions[${k}].geometry`, v?.geometry);
			});
			else crs(`${at}.geometry`, l?.geometry as GeometryConfig);
			for (const [k, x] of (l?.crosswalks ?? []).entries()) if (!x?.file && x?.compute === undefined) out.push(`„${at}.crosswalks[${k}]“ braucht „file“ (Schlüsseltabelle) oder „compute“.`);
		});
	} else crs('geometry', c.geometry as GeometryConfig);
	for (const [i, m] of (c.mend ?? []).entries()) {
		if (!MEND.includes(m?.action)) out.push(`„mend[${i}].action“ muss eines von ${MEND.join(', ')} sein.`);
		else if (!text(m.level)) out.push(`„mend[${i}].level“ fehlt: die Ebene der Karte.`);
		else if ('feature' in m && !(Number.isInteger(m.feature) && m.feature > 0)) out.push(`„mend[${i}].feature“ muss die Nummer des Objekts in der Datei sein (1, 2, …).`);
		else if (m.action === 'rename' && !text(m.to)) out.push(`„mend[${i}].to“ fehlt: der neue Schlüssel.`);
	}
	if (!Array.isArray(c.tables) || c.tables.length === 0) out.push('„tables“ fehlt: mindestens eine Tabelle ist nötig.');
	else c.tables.forEach((t, i) => !text(t?.file) && out.push(`„tables[${i}].file“ fehlt.`));
	if (!Array.isArray(c.indicators)) out.push('„indicators“ fehlt: Angaben zu jedem Indikator (Kennung, Bezeichnung, Einheit, Richtung, Lebensphase).');
	else c.indicators.forEach((m, i) => !text(m?.id) && out.push(`„indicators[${i}].id“ fehlt.`));
	for (const [symbol, action] of Object.entries(c.placeholders ?? {})) {
		if (!ACTIONS.includes(action)) out.push(`„placeholders“: „${symbol}“ → „${action}“ ist keine zulässige Bedeutung (missing, suppressed, zero, provisional).`);
	}
	return out;
}
