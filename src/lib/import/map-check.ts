/**
 * What is wrong with a map, found when it is first read and each with ways forward the user can
 * confirm (mend.ts): one key on two features (a mislabelled polygon, or two parts of one area),
 * sliver parts, overlaps and gaps between neighbours (typical after reprojection or per-ring
 * simplification). The data hang on keys, not on surfaces, so overlaps and gaps only affect the
 * drawing (and area-weighted crosswalks); duplicates block the package.
 */
import polygonClipping, { type MultiPolygon as PcMultiPolygon } from 'polygon-clipping';
import { featureLabel, polygonsOfArea, type AreaFeature, type MapFeature } from './areas';
import type { MendAction } from './mend';
import { normaliseName } from './names';
import { metresPerDegreeLat, metresPerDegreeLon, perimeterMetres, polygonSquareMetres, squareMetres } from './planar';
import type { Position } from 'geojson';
import type { PolygonCoords } from './reproject';
import { andList } from './row-list';

export type IssueKind = 'duplicate' | 'sliver' | 'overlap' | 'gap' | 'version';

export interface MapIssue {
	kind: IssueKind;
	severity: 'error' | 'warning' | 'info';
	level: string;
	version?: string;
	file: string;
	/** The German sentence (without the file, which the problem list adds). */
	message_de: string;
	/** Areas concerned. */
	keys: string[];
	/** Surface concerned, m² (slivers, overlaps, gaps). */
	squareMetres?: number;
	/** Ways forward, the recommended one first. */
	options: { label_de: string; action: MendAction }[];
	/** Features the user may give another key (the wizard shows a text field per feature). */
	renamable?: { index: number; key: string; name: string; suggested?: string }[];
}

interface MapId {
	level: string;
	version?: string;
	file: string;
}

const m2 = (x: number) => `${Math.round(x).toLocaleString('de-DE')} m²`;

/**
 * Keys used by more than one feature. `tableKeys`: keys (with names) the tables use that no
 * feature has — when a duplicate's name belongs to such a key, that key is the rename to propose.
 */
export function duplicateIssues(map: MapId, features: readonly MapFeature[], tableKeys: readonly { key: string; name: string }[] = []): MapIssue[] {
	const byKey = new Map<string, MapFeature[]>();
	for (const f of features) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
	const onMap = new Set(byKey.keys());
	const free = new Map<string, string>();
	for (const t of tableKeys) if (t.name && !onMap.has(t.key)) free.set(normaliseName(t.name), t.key);
	const out: MapIssue[] = [];
	const ref = { level: map.level, ...(map.version ? { version: map.version } : {}) };
	for (const [key, group] of byKey) {
		if (group.length < 2) continue;
		const names = [...new Set(group.map((f) => f.name))];
		const labels = group.map(featureLabel);
		const options: MapIssue['options'] = [];
		const renamable = group.map((f) => ({ index: f.index, key: f.key, name: f.name, suggested: free.get(normaliseName(f.name)) }));
		let advice: string;
		const hinted = renamable.filter((r) => r.suggested);
		if (names.length === 1) {
			options.push({ label_de: `Die ${group.length} Flächen zu einem Gebiet „${key}“ ${names[0]} vereinigen`, action: { ...ref, action: 'merge', key } });
			advice = 'Gleicher Name: vermutlich Teilflächen eines Gebiets (z. B. eine Insel), die zu einer Fläche gehören.';
		} else if (hinted.length > 0) {
			for (const r of hinted) options.push({ label_de: `Objekt ${r.index} (${r.name}) in „${r.suggested}“ umbenennen`, action: { ...ref, action: 'rename', feature: r.index, key, to: r.suggested! } });
			advice = `Verschiedene Namen: vermutlich ist eine Fläche falsch beschriftet. Die Tabellen haben Zeilen für ${hinted.map((r) => `„${r.suggested}“ ${r.name}`).join(', ')} ohne Fläche.`;
		} else {
			advice = 'Verschiedene Namen: vermutlich ist eine Fläche falsch beschriftet. Geben Sie ihr den richtigen Schlüssel.';
		}
		for (const f of group) options.push({ label_de: `Objekt ${f.index} (${f.name || f.key}) entfernen`, action: { ...ref, action: 'drop', feature: f.index, key } });
		if (names.length > 1) options.push({ label_de: `Alle ${group.length} Flächen zu einem Gebiet „${key}“ vereinigen`, action: { ...ref, action: 'merge', key } });
		out.push({
			kind: 'duplicate',
			severity: 'error',
			...map,
			keys: [key],
			message_de: `Der Schlüssel „${key}“ kommt ${group.length}-mal vor: ${andList(labels)}. ${advice} Bis das geklärt ist, wird keine Tabellenzeile mit diesem Schlüssel zugeordnet.`,
			options,
			renamable
		});
	}
	return out;
}

/** A part this small next to its area's main surface is an artefact, not an island. */
const SLIVER_SHARE = 0.005;
const SLIVER_MAX_M2 = 5000;
/** Below this, differences are numerical noise of 5-decimal coordinates. */
const NOISE_M2 = 1;
/**
 * Narrower than this (mean width 2A/P), a strip is below the precision of the package's
 * coordinates (5 decimals ≈ 1 m) and comes from straight edges bending differently when
 * reprojected; reporting it would flag every real map.
 */
const NOISE_WIDTH_M = 1;
const meanWidth = (polygons: PolygonCoords) => {
	const perimeter = polygons.reduce((s, rings) => s + rings.reduce((t, ring) => t + perimeterMetres(ring), 0), 0);
	return perimeter > 0 ? (2 * squareMetres(polygons)) / perimeter : 0;
};

export function sliverIssues(map: MapId, areas: readonly AreaFeature[], index: ReadonlyMap<string, number>): MapIssue[] {
	const out: MapIssue[] = [];
	const ref = { level: map.level, ...(map.version ? { version: map.version } : {}) };
	for (const a of areas) {
		const parts = polygonsOfArea(a);
		if (parts.length < 2) continue;
		const sizes = parts.map((p) => polygonSquareMetres(p));
		const total = sizes.reduce((s, x) => s + x, 0);
		sizes.forEach((size, i) => {
			if (size > SLIVER_MAX_M2 || size > SLIVER_SHARE * total) return;
			const { key, name } = a.properties;
			const feature = index.get(key) ?? 0;
			out.push({
				kind: 'sliver',
				severity: 'warning',
				...map,
				keys: [key],
				squareMetres: size,
				message_de: `${featureLabel({ index: feature, key, name })}: Teilfläche ${i + 1} ist ein Splitter von ${m2(size)} (${((100 * size) / total).toLocaleString('de-DE', { maximumSignificantDigits: 2 })} % des Gebiets), wie er beim Umrechnen oder Zuschneiden entsteht.`,
				options: [{ label_de: `Splitter (Teilfläche ${i + 1}) entfernen`, action: { ...ref, action: 'drop_part', feature, key, part: i + 1 } }]
			});
		});
	}
	return out;
}

type Box = [number, number, number, number];
function bbox(polygons: PolygonCoords): Box {
	const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
	for (const rings of polygons) for (const [x, y] of rings[0]) [b[0], b[1], b[2], b[3]] = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
	return b;
}
const meets = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const pc = (p: PolygonCoords) => p as unknown as PcMultiPolygon;

/** Thin: a long edge around little surface (isoperimetric quotient 4πA/P² far below a square's 0.79). */
const thin = (polygons: PolygonCoords) => polygons.every((rings) => (4 * Math.PI * polygonSquareMetres(rings)) / perimeterMetres(rings[0]) ** 2 < 0.1);

/**
 * Overlaps between neighbours and gaps enclosed by them. `accepted` lists the keys of overlaps and
 * gaps the user confirmed as harmless: they stay in the report as notes.
 */
export function neighbourIssues(map: MapId, areas: readonly AreaFeature[], accepted: readonly MendAction[] = []): MapIssue[] {
	const out: MapIssue[] = [];
	const ref = { level: map.level, ...(map.version ? { version: map.version } : {}) };
	const isAccepted = (issue: 'gap' | 'overlap', keys: string[]) => accepted.some((a) => a.action === 'accept' && a.issue === issue && a.keys.join('|') === keys.join('|'));
	const shapes = areas.map((a) => ({ key: a.properties.key, name: a.properties.name, polygons: polygonsOfArea(a), box: bbox(polygonsOfArea(a)) }));
	for (let i = 0; i < shapes.length; i++) {
		for (let j = i + 1; j < shapes.length; j++) {
			const [a, b] = [shapes[i], shapes[j]];
			if (!meets(a.box, b.box)) continue;
			const common = polygonClipping.intersection(pc(a.polygons), pc(b.polygons)) as unknown as PolygonCoords;
			const size = squareMetres(common);
			if (size < NOISE_M2 || meanWidth(common) < NOISE_WIDTH_M) continue;
			const keys = [a.key, b.key];
			const ok = isAccepted('overlap', keys);
			out.push({
				kind: 'overlap',
				severity: ok ? 'info' : 'warning',
				...map,
				keys,
				squareMetres: size,
				message_de: `„${a.key}“ ${a.name} und „${b.key}“ ${b.name} überlappen sich auf ${m2(size)}${thin(common) ? ' (ein schmaler Streifen entlang der Grenze, typisch nach dem Umrechnen oder Vereinfachen)' : ''}.${ok ? ' Als unbedenklich bestätigt.' : ' Die Werte hängen an den Schlüsseln, nicht an der Fläche; die Karte zeichnet die Überlappung doppelt.'}`,
				options: ok ? [] : [
					{ label_de: `Überlappung von „${b.key}“ ${b.name} abschneiden`, action: { ...ref, action: 'clip', key: b.key, by: a.key } },
					{ label_de: `Überlappung von „${a.key}“ ${a.name} abschneiden`, action: { ...ref, action: 'clip', key: a.key, by: b.key } },
					{ label_de: 'So lassen (unbedenklich)', action: { ...ref, action: 'accept', issue: 'overlap', keys } }
				]
			});
		}
	}
	out.push(...gapIssues(map, shapes, ref, isAccepted));
	return out;
}

/**
 * Whether two or more vertices of the gap lie on edges of the area (within 0.5 m): the areas
 * around it, not one that only touches it at a corner.
 */
function borders(polygons: PolygonCoords, hole: Position[]): boolean {
	const lat = hole[0][1];
	const kx = metresPerDegreeLon(lat);
	const ky = metresPerDegreeLat(lat);
	return hole.slice(1).filter(([x, y]) =>
		polygons.some((rings) =>
			rings.some((ring) => {
				for (let i = 1; i < ring.length; i++) {
					const [ax, ay] = [(ring[i - 1][0] - x) * kx, (ring[i - 1][1] - y) * ky];
					const [bx, by] = [(ring[i][0] - x) * kx, (ring[i][1] - y) * ky];
					const [dx, dy] = [bx - ax, by - ay];
					const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
					if (Math.hypot(ax + t * dx, ay + t * dy) < 0.5) return true;
				}
				return false;
			})
		)
	).length >= 2;
}

/** Holes of the union that are no area's own hole (a park cut out of one district is intended). */
function gapIssues(map: MapId, shapes: { key: string; name: string; polygons: PolygonCoords; box: Box }[], ref: { level: string; version?: string }, isAccepted: (issue: 'gap', keys: string[]) => boolean): MapIssue[] {
	if (shapes.length < 2) return [];
	const union = polygonClipping.union(pc(shapes[0].polygons), ...shapes.slice(1).map((s) => pc(s.polygons))) as unknown as PolygonCoords;
	const ownHoles = shapes.flatMap((s) => s.polygons.flatMap((rings) => rings.slice(1).map((h) => polygonSquareMetres([h]))));
	const out: MapIssue[] = [];
	for (const rings of union) {
		for (const hole of rings.slice(1)) {
			const size = polygonSquareMetres([hole]);
			if (size < NOISE_M2 || meanWidth([[hole]]) < NOISE_WIDTH_M || ownHoles.some((h) => Math.abs(h - size) <= 0.01 * size)) continue;
			const box = bbox([[hole]]);
			const around = shapes.filter((s) => meets(s.box, box) && borders(s.polygons, hole));
			const keys = around.map((s) => s.key);
			const ok = isAccepted('gap', keys);
			out.push({
				kind: 'gap',
				severity: ok ? 'info' : 'warning',
				...map,
				keys,
				squareMetres: size,
				message_de: `Zwischen ${andList(around.map((s) => `„${s.key}“ ${s.name}`))} liegt eine Lücke von ${m2(size)}${thin([[hole]]) ? ' (ein schmaler Spalt, typisch nach dem Umrechnen oder Vereinfachen)' : ''}, die zu keinem Gebiet gehört.${ok ? ' Als unbedenklich bestätigt.' : ' Die Karte zeigt sie als Loch; die Werte sind davon nicht betroffen. Schließen Sie sie im GIS, oder lassen Sie sie so.'}`,
				options: ok ? [] : [{ label_de: 'So lassen (unbedenklich)', action: { ...ref, action: 'accept', issue: 'gap', keys } }]
			});
		}
	}
	return out;
}

/** Share of an area's surface by which two versions may differ and still count as unchanged (rounding, simplification). */
const SAME_AREA_TOLERANCE = 0.01;

/**
 * „A key names one area across versions“ (docs/levels-and-versions.md): a key kept by an area
 * whose boundary changed would mix two areas in one series. Proposed: the older version's feature
 * gets a new key, in its map and in the tables for its years.
 */
export function versionIssues(map: MapId, older: readonly AreaFeature[], olderIndex: ReadonlyMap<string, number>, newer: readonly AreaFeature[], newerLabel: string): MapIssue[] {
	const byKey = new Map(newer.map((a) => [a.properties.key, a]));
	const out: MapIssue[] = [];
	for (const a of older) {
		const b = byKey.get(a.properties.key);
		if (!b) continue;
		const pa = polygonsOfArea(a);
		const size = Math.max(squareMetres(pa), squareMetres(polygonsOfArea(b)));
		const diff = squareMetres(polygonClipping.xor(pc(pa), pc(polygonsOfArea(b))) as unknown as PolygonCoords);
		if (diff <= SAME_AREA_TOLERANCE * size) continue;
		const { key, name } = a.properties;
		const feature = olderIndex.get(key) ?? 0;
		const to = `${key}-${map.version}`;
		out.push({
			kind: 'version',
			severity: 'error',
			...map,
			keys: [key],
			squareMetres: diff,
			message_de: `${featureLabel({ index: feature, key, name })}: Der Schlüssel „${key}“ steht auch im ${newerLabel}, dort aber für eine andere Fläche (${m2(diff)} Unterschied, ${Math.round((100 * diff) / size)} %). Ein Schlüssel muss über alle Gebietsstände dasselbe Gebiet meinen, sonst vermischt die Zeitreihe zwei Gebiete.`,
			options: [{ label_de: `Im älteren Gebietsstand in „${to}“ umbenennen (auch in den Tabellen für dessen Jahre)`, action: { level: map.level, version: map.version, action: 'rename', feature, key, to, tables: true } }],
			renamable: [{ index: feature, key, name, suggested: to }]
		});
	}
	return out;
}
