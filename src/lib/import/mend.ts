/**
 * Confirmed repairs of a map, so a planner need not edit a GeoJSON by hand: rename a feature's key
 * (the polygon labelled „0101“ that is really „0102“), drop a feature, merge the polygons of one
 * key into one area, drop a sliver part, clip an overlap off one area, or accept a gap or overlap
 * as it is. Each is an entry of the import config (the wizard writes it when the user confirms a
 * proposal), names its feature by position and key so a changed file is noticed instead of mended
 * wrongly, and becomes a provenance entry of the package.
 */
import polygonClipping, { type MultiPolygon as PcMultiPolygon } from 'polygon-clipping';
import { featureLabel, type MapFeature } from './areas';
import { polygonsOf } from './geometry-check';
import type { ProvenanceEntry } from './provenance';
import type { ProblemList } from './problems';

interface OnMap {
	/** Level id. */
	level: string;
	/** Version id when the level has several. */
	version?: string;
}

export type MendAction = OnMap &
	(
		/** `tables`: the old key is renamed in the tables too, for the years of this version (a changed area that kept its key). */
		| { action: 'rename'; feature: number; key: string; to: string; tables?: boolean }
		| { action: 'drop'; feature: number; key: string }
		| { action: 'merge'; key: string }
		| { action: 'drop_part'; feature: number; key: string; part: number }
		| { action: 'clip'; key: string; by: string }
		| { action: 'accept'; issue: 'gap' | 'overlap'; keys: string[] }
	);

export const sameMap = (a: OnMap, b: OnMap) => a.level === b.level && (a.version ?? '') === (b.version ?? '');

/** Two actions that do the same (the wizard must not add a repair twice). */
export function sameAction(a: MendAction, b: MendAction): boolean {
	return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
const canonical = (a: MendAction) => Object.fromEntries(Object.entries({ ...a, version: a.version ?? '' }).sort(([x], [y]) => x.localeCompare(y)));

type Coords = PcMultiPolygon;

function coordsOf(f: MapFeature): Coords | string {
	const parsed = polygonsOf(f.geometry);
	return 'error' in parsed ? parsed.error : (parsed.polygons as unknown as Coords);
}

const geometryOf = (c: Coords) => (c.length === 1 ? { type: 'Polygon', coordinates: c[0] } : { type: 'MultiPolygon', coordinates: c });

/**
 * Apply the repairs meant for this map, in a fixed order (rename, drop, merge, drop part, clip) so
 * the result does not depend on the order of confirmation. A repair that no longer fits the file
 * is an error naming it, and changes nothing.
 */
export function applyMends(file: string, map: OnMap, features: readonly MapFeature[], actions: readonly MendAction[], problems: ProblemList): { features: MapFeature[]; provenance: ProvenanceEntry[]; renames: Map<string, string> } {
	const mine = actions.filter((a) => sameMap(a, map));
	let out = features.map((f) => ({ ...f }));
	const provenance: ProvenanceEntry[] = [];
	const renames = new Map<string, string>();
	const record = (a: MendAction, note_de: string) => provenance.push({ ...a, file, note_de } as ProvenanceEntry);
	const stale = (what: string) => problems.error(file, `Die Korrektur „${what}“ passt nicht mehr zur Datei und wird nicht angewendet. Hat sich die Karte geändert? Bitte prüfen Sie die Korrekturen in der Importkonfiguration.`);
	const at = (index: number, key: string) => out.find((f) => f.index === index && f.key === key);

	for (const a of mine) {
		if (a.action !== 'rename') continue;
		const f = at(a.feature, a.key);
		if (!f) {
			stale(`Objekt ${a.feature}: „${a.key}“ → „${a.to}“`);
			continue;
		}
		f.key = a.to;
		if (a.tables) renames.set(a.key, a.to);
		record(a, `${featureLabel({ index: a.feature, key: a.key, name: f.name })}: Schlüssel in „${a.to}“ geändert${a.tables ? ', in den Tabellen für die Jahre dieses Gebietsstands ebenso' : ''}.`);
	}
	for (const a of mine) {
		if (a.action !== 'drop') continue;
		const f = at(a.feature, a.key);
		if (!f) {
			stale(`Objekt ${a.feature} („${a.key}“) entfernen`);
			continue;
		}
		out = out.filter((x) => x !== f);
		record(a, `${featureLabel(f)} entfernt.`);
	}
	for (const a of mine) {
		if (a.action !== 'merge') continue;
		const parts = out.filter((f) => f.key === a.key);
		if (parts.length < 2) {
			stale(`Flächen von „${a.key}“ vereinigen`);
			continue;
		}
		const coords = parts.map(coordsOf);
		const bad = coords.find((c): c is string => typeof c === 'string');
		if (bad) {
			problems.error(file, `Die Flächen von „${a.key}“ lassen sich nicht vereinigen: ${bad}`);
			continue;
		}
		const merged = polygonClipping.union(...(coords as Coords[]) as [Coords, ...Coords[]]);
		const first = parts[0];
		out = out.filter((f) => f === first || f.key !== a.key);
		first.geometry = geometryOf(merged);
		record(a, `${parts.map((p) => `Objekt ${p.index}`).join(' und ')} („${a.key}“ ${first.name}) zu einer Fläche vereinigt.`);
	}
	for (const a of mine) {
		if (a.action !== 'drop_part') continue;
		const f = at(a.feature, a.key);
		const c = f && coordsOf(f);
		if (!f || typeof c === 'string' || !c || c.length < 2 || a.part < 1 || a.part > c.length) {
			stale(`Objekt ${a.feature} („${a.key}“): Teilfläche ${a.part} entfernen`);
			continue;
		}
		f.geometry = geometryOf(c.filter((_, i) => i !== a.part - 1));
		record(a, `${featureLabel(f)}: Teilfläche ${a.part} (Splitter) entfernt.`);
	}
	for (const a of mine) {
		if (a.action !== 'clip') continue;
		const f = out.find((x) => x.key === a.key);
		const by = out.find((x) => x.key === a.by);
		const fc = f && coordsOf(f);
		const bc = by && coordsOf(by);
		if (!f || !by || typeof fc !== 'object' || typeof bc !== 'object') {
			stale(`Überlappung von „${a.key}“ mit „${a.by}“ abschneiden`);
			continue;
		}
		const rest = polygonClipping.difference(fc, bc);
		if (rest.length === 0) {
			problems.error(file, `„${a.key}“ liegt ganz in „${a.by}“; abgeschnitten bliebe nichts übrig. Bitte entfernen Sie das Objekt stattdessen.`, { at: featureLabel(f) });
			continue;
		}
		f.geometry = geometryOf(rest);
		record(a, `${featureLabel(f)}: Überlappung mit „${a.by}“ ${by.name} abgeschnitten.`);
	}
	for (const a of mine) {
		if (a.action === 'accept') record(a, `${a.issue === 'gap' ? 'Lücke zwischen' : 'Überlappung von'} ${a.keys.map((k) => `„${k}“`).join(', ')} als unbedenklich bestätigt.`);
	}
	return { features: out, provenance, renames };
}
