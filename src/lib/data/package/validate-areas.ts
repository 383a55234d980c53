/**
 * Geometry checks of a data package: every level, every boundary version (Gebietsstand), the
 * parents of each version against the parent level's version valid in the same years, and the
 * rules that tie versions together (docs/levels-and-versions.md): a key names one area across
 * versions, so the same key must not carry two different boundaries, and no key may be used on
 * two levels (totals and cells would be confused).
 *
 * The result, AreaIndex, answers the table checks' questions ("is 0405 an Ortsteil valid in
 * 2019?") and names the version a key belongs to when it is not.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { AreaLevel, AreaVersion, PackageDescriptor } from '../types';
import { levelVersions, validFrom, validTo } from '../levels';
import { quote } from './csv';
import { Findings, isObject } from './findings';
import type { AreaFeatureCollection, LoadedPackage } from './model';

/** One version of one level as read from its file. */
export interface VersionAreas {
	level: AreaLevel;
	version: AreaVersion;
	/** Whether the level has real versions (messages then name the version). */
	versioned: boolean;
	keys: Map<string, Feature<Polygon | MultiPolygon>>;
	/** Keys whose geometry is broken (reported once; no point-in-polygon tests against them). */
	broken: Set<string>;
	collection: AreaFeatureCollection;
}

export interface LevelSet {
	level: AreaLevel;
	rank: number;
	/** Oldest first; only the versions whose file could be read. */
	versions: VersionAreas[];
	/** All versions of the level were read. */
	complete: boolean;
}

const versionName = (v: VersionAreas) => (v.versioned ? ` (Gebietsstand ${quote(v.version.id)})` : '');

/** Returns a German message for the first broken position, or null. */
function checkRings(rings: unknown): string | null {
	if (!Array.isArray(rings) || rings.length === 0) return 'Polygon ohne Ringe.';
	for (const ring of rings) {
		if (!Array.isArray(ring) || ring.length < 4) return 'Ring mit weniger als 4 Punkten.';
		for (const pos of ring) {
			if (!Array.isArray(pos) || pos.length < 2 || !pos.every((c) => typeof c === 'number' && Number.isFinite(c))) {
				return `Koordinate ${JSON.stringify(pos)} ist kein Zahlenpaar.`;
			}
			const [lon, lat] = pos as number[];
			if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
				return `Koordinate (${lon}, ${lat}) liegt außerhalb von WGS84 (Länge −180…180, Breite −90…90); ist die Datei z. B. in UTM (EPSG:25832)? Bitte nach WGS84 (EPSG:4326) umrechnen.`;
			}
		}
		const first = ring[0] as number[];
		const last = ring[ring.length - 1] as number[];
		if (first[0] !== last[0] || first[1] !== last[1]) return 'Ring ist nicht geschlossen (erster ≠ letzter Punkt).';
	}
	return null;
}

function checkVersionFile(level: AreaLevel, version: AreaVersion, versioned: boolean, raw: unknown, f: Findings): VersionAreas | null {
	const file = version.path;
	if (!isObject(raw) || raw.type !== 'FeatureCollection' || !Array.isArray(raw.features)) {
		f.error(file, 'Keine GeoJSON-FeatureCollection.');
		return null;
	}
	const keys = new Map<string, Feature<Polygon | MultiPolygon>>();
	const broken = new Set<string>();
	raw.features.forEach((feature: unknown, i: number) => {
		const props = isObject(feature) && isObject(feature.properties) ? feature.properties : null;
		const label = typeof props?.key === 'string' ? ` (${quote(props.key)})` : '';
		const at = { at: `Objekt ${i + 1}${label}` };
		if (!isObject(feature) || feature.type !== 'Feature') {
			f.error(file, 'Ist kein GeoJSON-Feature.', at);
			return;
		}
		if (!props) {
			f.error(file, 'Eigenschaften (properties) fehlen.', at);
			return;
		}
		let ok = true;
		for (const key of ['key', 'name', 'level', 'parent']) {
			const v = props[key];
			if (typeof v === 'string') continue;
			const hint = typeof v === 'number' ? ` ist eine Zahl (${v}); Schlüssel müssen Text sein, damit führende Nullen erhalten bleiben.` : ' fehlt oder ist kein Text.';
			f.error(file, `Eigenschaft ${quote(key)}${hint}`, at);
		}
		if (typeof props.level === 'string' && props.level !== level.id) {
			f.error(file, `Eigenschaft „level“ ist ${quote(props.level)}, die Datei gehört aber zur Ebene ${quote(level.id)}.`, at);
		}
		const geom = feature.geometry;
		if (!isObject(geom) || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon')) {
			f.error(file, 'Geometrie muss Polygon oder MultiPolygon sein.', at);
			ok = false;
		} else {
			const parts = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
			const bad = Array.isArray(parts) && parts.length > 0 ? parts.map(checkRings).find((m) => m !== null) : 'MultiPolygon ohne Polygone.';
			if (bad) {
				f.error(file, bad, at);
				ok = false;
			}
		}
		if (typeof props.key !== 'string') return;
		// A key with broken geometry still counts as known, so its data rows do not cascade errors.
		if (keys.has(props.key)) f.error(file, `Schlüssel ${quote(props.key)} kommt mehrfach vor.`, at);
		else keys.set(props.key, feature as unknown as Feature<Polygon | MultiPolygon>);
		if (!ok) broken.add(props.key);
	});
	return { level, version, versioned, keys, broken, collection: raw as unknown as AreaFeatureCollection };
}

const overlaps = (a: AreaVersion, b: AreaVersion) => validFrom(a) <= validTo(b) && validFrom(b) <= validTo(a);

/** Each feature's parent must exist in every version of the next level that is valid in the same years. */
function checkParents(levels: LevelSet[], f: Findings): void {
	levels.forEach((current, i) => {
		const parentLevel = levels[i + 1];
		for (const v of current.versions) {
			const parents = parentLevel ? parentLevel.versions.filter((p) => overlaps(v.version, p.version)) : [];
			v.collection.features.forEach((feature, index) => {
				const { key, parent } = feature.properties ?? ({} as Record<string, unknown>);
				if (typeof key !== 'string' || typeof parent !== 'string') return;
				const at = { at: `Objekt ${index + 1} (${quote(key)})` };
				if (!parentLevel) {
					if (parent !== '') f.warning(v.version.path, `Oberste Ebene: „parent“ sollte leer sein, ist aber ${quote(parent)}.`, at);
					return;
				}
				for (const p of parents) {
					if (p.keys.has(parent)) continue;
					const years = v.versioned || p.versioned ? ` (gültig ${yearsText(v.version, p.version)})` : '';
					f.error(v.version.path, `Übergeordnetes Gebiet ${quote(parent)} gibt es auf der Ebene ${quote(parentLevel.level.id)}${versionName(p)} nicht${years}.`, at);
				}
			});
		}
	});
}

function yearsText(a: AreaVersion, b: AreaVersion): string {
	const from = Math.max(validFrom(a), validFrom(b));
	const to = Math.min(validTo(a), validTo(b));
	const lo = a.valid_from === null && b.valid_from === null ? null : from;
	const hi = a.valid_to === null && b.valid_to === null ? null : to;
	if (lo === null && hi === null) return 'in allen Jahren';
	if (hi === null) return `ab ${lo}`;
	if (lo === null) return `bis ${hi}`;
	return lo === hi ? `${lo}` : `${lo}–${hi}`;
}

/** Coordinates rounded to 1e-6° (≈ 0.1 m): the same boundary written twice compares equal. */
function geometryText(feature: Feature<Polygon | MultiPolygon>): string {
	const round = (x: unknown): unknown => (Array.isArray(x) ? x.map(round) : typeof x === 'number' ? Math.round(x * 1e6) / 1e6 : x);
	return JSON.stringify([feature.geometry?.type, round(feature.geometry?.coordinates)]);
}

/** A key in two versions must be the same area: same boundary (an area that changed gets a new key). */
function checkVersionsAgree(level: LevelSet, f: Findings): void {
	const firstSeen = new Map<string, { v: VersionAreas; geometry: string }>();
	for (const v of level.versions) {
		for (const [key, feature] of v.keys) {
			if (v.broken.has(key)) continue;
			const g = geometryText(feature);
			const first = firstSeen.get(key);
			if (!first) firstSeen.set(key, { v, geometry: g });
			else if (first.geometry !== g) {
				f.error(
					v.version.path,
					`Schlüssel ${quote(key)} hat in den Gebietsständen ${quote(first.v.version.id)} und ${quote(v.version.id)} verschiedene Grenzen. Ein Schlüssel benennt über alle Gebietsstände dasselbe Gebiet; ein geändertes Gebiet braucht einen neuen Schlüssel.`,
					{ at: `Gebiet ${quote(key)}` }
				);
			}
		}
	}
}

/** No key on two levels: an area's total and a cell would share one name in every table. */
function checkKeysAcrossLevels(levels: LevelSet[], f: Findings): void {
	const owner = new Map<string, LevelSet>();
	for (const l of levels) {
		for (const v of l.versions) {
			for (const key of v.keys.keys()) {
				const other = owner.get(key);
				if (!other) owner.set(key, l);
				else if (other !== l) {
					f.error(v.version.path, `Schlüssel ${quote(key)} kommt auch auf der Ebene ${quote(other.level.id)} vor; Schlüssel müssen über alle Ebenen eindeutig sein (z. B. mit vorangestelltem Gemeindeschlüssel).`, { at: `Gebiet ${quote(key)}` });
				}
			}
		}
	}
}

/** Read and check the geometry of every level and version. */
export function checkAreas(desc: PackageDescriptor, pkg: LoadedPackage, f: Findings): AreaIndex {
	const levels: LevelSet[] = desc.sozialraum.levels.map((level, rank) => {
		const versions = levelVersions(level);
		const versioned = (level.versions?.length ?? 0) > 0;
		const read: VersionAreas[] = [];
		for (const version of versions) {
			if (!(version.path in pkg.geojson)) continue;
			const checked = checkVersionFile(level, version, versioned, pkg.geojson[version.path], f);
			if (checked) read.push(checked);
		}
		return { level, rank, versions: read, complete: read.length === versions.length };
	});
	// Parent checks need every level; skip them when one is missing so one gap is one message.
	if (levels.every((l) => l.complete)) checkParents(levels, f);
	for (const l of levels) checkVersionsAgree(l, f);
	checkKeysAcrossLevels(levels, f);
	return new AreaIndex(levels);
}

/** What the table checks ask about areas. */
export class AreaIndex {
	readonly levels: LevelSet[];
	readonly #levelOf = new Map<string, LevelSet>();

	constructor(levels: LevelSet[]) {
		this.levels = levels;
		for (const l of levels) for (const v of l.versions) for (const key of v.keys.keys()) if (!this.#levelOf.has(key)) this.#levelOf.set(key, l);
	}

	/** The finest level, when all its versions were read (otherwise table checks on areas are skipped). */
	get finest(): LevelSet | null {
		const l = this.levels[0];
		return l && l.complete ? l : null;
	}

	/** The level a key belongs to (any version). */
	levelOf(key: string): LevelSet | undefined {
		return this.#levelOf.get(key);
	}

	levelById(id: string): LevelSet | undefined {
		return this.levels.find((l) => l.level.id === id);
	}

	/** The version of a level that holds the key and is valid in the year, if any. */
	validIn(level: LevelSet, key: string, year: number): VersionAreas | undefined {
		return level.versions.find((v) => v.keys.has(key) && year >= validFrom(v.version) && year <= validTo(v.version));
	}

	/** Versions of a level that hold the key, oldest first. */
	versionsWith(level: LevelSet, key: string): VersionAreas[] {
		return level.versions.filter((v) => v.keys.has(key));
	}

	/**
	 * Why a key does not fit a level in a year, as a German sentence, or null when it fits:
	 * unknown, on another level (then `otherLevel` says what is allowed), or in another version
	 * than the one valid that year.
	 */
	whyNot(level: LevelSet, key: string, year: number | null, otherLevel: string): string | null {
		if (year === null ? this.versionsWith(level, key).length > 0 : this.validIn(level, key, year)) return null;
		const other = this.levelOf(key);
		if (other && other !== level) {
			return `Gebiet ${quote(key)} gehört zur Ebene ${quote(other.level.id)}; ${otherLevel}`;
		}
		const holders = this.versionsWith(level, key);
		if (holders.length > 0 && year !== null) {
			const valid = level.versions.find((v) => year >= validFrom(v.version) && year <= validTo(v.version));
			const names = holders.map((h) => `${quote(h.version.id)} (${yearsText(h.version, h.version)})`).join(', ');
			return `Gebiet ${quote(key)} gehört zum Gebietsstand ${names}, im Jahr ${year} gilt aber ${valid ? `der Gebietsstand ${quote(valid.version.id)}` : 'kein Gebietsstand'} der Ebene ${quote(level.level.id)}.`;
		}
		return `Gebiet ${quote(key)} gibt es auf der Ebene ${quote(level.level.id)} nicht.`;
	}

	/** The newest readable feature of a key on a level (for point-in-polygon checks of offers). */
	newestFeature(level: LevelSet, key: string): { feature: Feature<Polygon | MultiPolygon>; broken: boolean } | null {
		for (let i = level.versions.length - 1; i >= 0; i--) {
			const v = level.versions[i];
			const feature = v.keys.get(key);
			if (feature) return { feature, broken: v.broken.has(key) };
		}
		return null;
	}
}

/** Even-odd ray casting in lon/lat: fine for city-sized polygons, independent of ring winding. */
export function contains(feature: Feature<Polygon | MultiPolygon>, lon: number, lat: number): boolean {
	const g = feature.geometry;
	const polygons: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
	return polygons.some((rings) => {
		let inside = false;
		for (const ring of rings) {
			for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
				const [xi, yi] = ring[i];
				const [xj, yj] = ring[j];
				if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
			}
		}
		return inside;
	});
}
