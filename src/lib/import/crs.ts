/**
 * Coordinate reference systems German geometry arrives in, and how to recognise them.
 * Definitions as the EPSG registry gives them in PROJ syntax. DHDN (Gauss-Krüger) needs the datum
 * shift to ETRS89/WGS84 or every boundary lands 100–150 m off: the 7-parameter set below is EPSG
 * transformation 1777 ("DHDN to WGS 84 (3)", ~3 m), the one PROJ and epsg.io use by default.
 */
export type CrsCode = 'EPSG:4326' | 'EPSG:25832' | 'EPSG:25833' | 'EPSG:31466' | 'EPSG:31467' | 'EPSG:3857';

export interface CrsInfo {
	code: CrsCode;
	label_de: string;
	proj4: string;
}

const DHDN = '+ellps=bessel +towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7 +units=m +no_defs';

export const CRS_LIST: readonly CrsInfo[] = [
	{ code: 'EPSG:25832', label_de: 'ETRS89 / UTM Zone 32N (EPSG:25832)', proj4: '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs' },
	{ code: 'EPSG:25833', label_de: 'ETRS89 / UTM Zone 33N (EPSG:25833)', proj4: '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs' },
	{ code: 'EPSG:31466', label_de: 'DHDN / Gauß-Krüger Zone 2 (EPSG:31466)', proj4: `+proj=tmerc +lat_0=0 +lon_0=6 +k=1 +x_0=2500000 +y_0=0 ${DHDN}` },
	{ code: 'EPSG:31467', label_de: 'DHDN / Gauß-Krüger Zone 3 (EPSG:31467)', proj4: `+proj=tmerc +lat_0=0 +lon_0=9 +k=1 +x_0=3500000 +y_0=0 ${DHDN}` },
	{ code: 'EPSG:3857', label_de: 'WGS 84 / Pseudo-Mercator (EPSG:3857)', proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs' },
	{ code: 'EPSG:4326', label_de: 'WGS 84, Länge/Breite (EPSG:4326)', proj4: '+proj=longlat +datum=WGS84 +no_defs' }
];

export const isCrsCode = (s: string): s is CrsCode => CRS_LIST.some((c) => c.code === s);

/**
 * The CRS a .prj (ESRI WKT) or WKT2 text names. Looks for an EPSG authority code first, then for
 * the names ArcGIS and QGIS write. Null when the text names something else.
 */
export function crsFromWkt(wkt: string): CrsCode | null {
	const text = wkt.replace(/\s+/g, ' ');
	// the outermost AUTHORITY / ID is the last one in WKT1 and the last ID in WKT2
	const ids = [...text.matchAll(/(?:AUTHORITY|ID)\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)].map((m) => `EPSG:${m[1]}`);
	const outer = ids.at(-1);
	if (outer && isCrsCode(outer)) return outer;
	const name = (/^\s*(?:PROJCS|PROJCRS|GEOGCS|GEOGCRS)\[\s*"([^"]+)"/i.exec(text)?.[1] ?? '').toLowerCase().replace(/[\s_/-]+/g, ' ');
	if (/utm zone 32n?\b/.test(name) && /etrs|89/.test(name)) return 'EPSG:25832';
	if (/utm zone 33n?\b/.test(name) && /etrs|89/.test(name)) return 'EPSG:25833';
	if (/gauss kr(u|ü|ue)ger zone 2\b|gk2|3 degree gauss kruger zone 2\b/.test(name)) return 'EPSG:31466';
	if (/gauss kr(u|ü|ue)ger zone 3\b|gk3|3 degree gauss kruger zone 3\b/.test(name)) return 'EPSG:31467';
	if (/pseudo mercator|web mercator|popular visualisation/.test(name)) return 'EPSG:3857';
	if (/^(gcs )?wgs (19)?84$|^wgs 84$/.test(name)) return 'EPSG:4326';
	return null;
}

/** The legacy GeoJSON `crs` member (still written by QGIS and ogr2ogr for projected files). */
export function crsFromGeoJson(crs: unknown): CrsCode | null {
	const name = (crs as { properties?: { name?: unknown } } | null)?.properties?.name;
	if (typeof name !== 'string') return null;
	if (/CRS84$/i.test(name)) return 'EPSG:4326';
	const m = /EPSG:{1,2}(\d+)$/i.exec(name);
	const code = m ? `EPSG:${m[1]}` : '';
	return isCrsCode(code) ? code : null;
}

/**
 * A guess from coordinate values when the file says nothing. Gauss-Krüger eastings carry the zone
 * digit (2… / 3…) in front; UTM 32 and 33 cannot be told apart by numbers alone (the user must
 * check), so the guess says whether it is sure.
 */
export function guessCrs(x: number, y: number): { code: CrsCode; sure: boolean } | null {
	if (Math.abs(x) <= 180 && Math.abs(y) <= 90) return { code: 'EPSG:4326', sure: true };
	if (y > 5_200_000 && y < 6_150_000) {
		if (x >= 2_300_000 && x < 2_800_000) return { code: 'EPSG:31466', sure: true };
		if (x >= 3_200_000 && x < 3_800_000) return { code: 'EPSG:31467', sure: true };
		if (x > 100_000 && x < 1_000_000) return { code: 'EPSG:25832', sure: false };
		if (x > 32_000_000 && x < 33_000_000) return null; // UTM with zone prefix: not supported
	}
	if (y > 5_900_000 && y < 7_500_000 && x > 500_000 && x < 1_700_000) return { code: 'EPSG:3857', sure: true };
	return null;
}

export function crsLabel(code: CrsCode): string {
	return CRS_LIST.find((c) => c.code === code)!.label_de;
}
