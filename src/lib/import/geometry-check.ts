/**
 * Checks of area geometry while it is still in the file's own CRS (structure) and after
 * reprojection (plausible place). Every message names file and feature and says what to do, e.g.
 *   bezirke.geojson, Objekt 3 („0102“ Altstadt): Ring 1 ist nicht geschlossen …
 */
import type { Position } from 'geojson';
import type { PolygonCoords } from './reproject';

/** Germany with a margin (WGS84): a boundary outside was read in the wrong CRS. */
export const GERMANY_BOUNDS = { west: 5.5, east: 15.6, south: 47.2, north: 55.1 };

/** Polygon/MultiPolygon coordinates as a list of polygons, or a German reason why not. */
export function polygonsOf(geometry: unknown): { polygons: PolygonCoords } | { error: string } {
	const g = geometry as { type?: unknown; coordinates?: unknown } | null;
	if (!g || typeof g !== 'object') return { error: 'Das Objekt hat keine Geometrie. Bitte entfernen Sie es oder zeichnen Sie die Fläche nach.' };
	if (g.type === 'Polygon') return Array.isArray(g.coordinates) ? { polygons: [g.coordinates as Position[][]] } : { error: 'Polygon ohne Koordinaten.' };
	if (g.type === 'MultiPolygon') return Array.isArray(g.coordinates) ? { polygons: g.coordinates as PolygonCoords } : { error: 'MultiPolygon ohne Koordinaten.' };
	return { error: `Geometrietyp „${String(g.type)}“ ist keine Fläche; Gebiete müssen Polygone sein. Bitte exportieren Sie die Flächen (nicht Linien oder Punkte).` };
}

/** Structure: rings with ≥ 4 finite positions, closed. Returns the first problem or null. */
export function checkStructure(polygons: PolygonCoords): string | null {
	if (polygons.length === 0) return 'Die Fläche hat keine Polygone.';
	for (let p = 0; p < polygons.length; p++) {
		const rings = polygons[p];
		if (!Array.isArray(rings) || rings.length === 0) return 'Ein Polygon hat keine Ringe.';
		for (let r = 0; r < rings.length; r++) {
			const ring = rings[r];
			const where = `Ring ${r + 1}${polygons.length > 1 ? ` von Teilfläche ${p + 1}` : ''}`;
			if (!Array.isArray(ring)) return `${where} ist keine Koordinatenliste.`;
			const bad = ring.findIndex((pos) => !Array.isArray(pos) || pos.length < 2 || !Number.isFinite(pos[0]) || !Number.isFinite(pos[1]));
			if (bad >= 0) return `${where}, Punkt ${bad + 1}: ${JSON.stringify(ring[bad])} ist keine gültige Koordinate. Bitte reparieren Sie die Geometrie im GIS (z. B. QGIS „Geometrien reparieren“).`;
			if (ring.length < 4) return `${where} hat nur ${ring.length} Punkte; eine Fläche braucht mindestens 4 (Dreieck plus Schlusspunkt). Bitte reparieren Sie die Geometrie im GIS.`;
			const a = ring[0];
			const b = ring[ring.length - 1];
			if (a[0] !== b[0] || a[1] !== b[1]) return `${where} ist nicht geschlossen (erster Punkt ≠ letzter Punkt). Bitte reparieren Sie die Geometrie im GIS (z. B. QGIS „Geometrien reparieren“).`;
		}
	}
	return null;
}

/** After reprojection: inside Germany? Returns a message naming the CRS to check, or null. */
export function checkPlace(polygons: PolygonCoords, crsLabel: string): string | null {
	const { west, east, south, north } = GERMANY_BOUNDS;
	for (const rings of polygons) {
		for (const ring of rings) {
			for (const [lon, lat] of ring) {
				if (!(lon >= west && lon <= east && lat >= south && lat <= north)) {
					if (lat >= west && lat <= east && lon >= south && lon <= north) {
						return `Der Punkt (${round(lon)}, ${round(lat)}) liegt außerhalb Deutschlands; mit vertauschten Achsen läge er mittendrin. Länge und Breite sind offenbar vertauscht. Bitte exportieren Sie die Datei mit der Achsenreihenfolge Länge, Breite (GeoJSON-Standard).`;
					}
					return `Nach Umrechnung aus ${crsLabel} liegt der Punkt (${round(lon)}, ${round(lat)}) außerhalb Deutschlands. Vermutlich ist das Koordinatensystem falsch; bitte wählen Sie das richtige (z. B. UTM 32N oder Gauß-Krüger).`;
				}
			}
		}
	}
	return null;
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : x);

/** Outer rings counter-clockwise, holes clockwise (RFC 7946), computed in lon/lat. */
export function rewind(polygons: PolygonCoords): PolygonCoords {
	return polygons.map((rings) => rings.map((ring, i) => ((signedArea(ring) > 0) === (i === 0) ? ring : [...ring].reverse())));
}

function signedArea(ring: Position[]): number {
	let s = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
	return s / 2; // > 0: counter-clockwise
}
