/**
 * Each area's parent on the next level up: from an attribute of the finer map (given, or found
 * because its values are the parent level's keys), else by position — the parent whose polygon
 * contains a point surely inside the area. Which of the two was used is said. With an attribute,
 * the position is checked too, so a wrong attribute value does not pass silently. Two or more
 * levels get the whole territory as top level (its outline is the union of the coarsest map).
 */
import polygonClipping, { type MultiPolygon as PcMultiPolygon } from 'polygon-clipping';
import { areaFeature, featureLabel, polygonsOfArea, suggestParentField, type AreaFeature } from './areas';
import type { ImportConfig, TerritoryConfig } from './config';
import { rewind } from './geometry-check';
import { applyKeyRule, keyMatchForm, keyText } from './keys';
import type { LevelResult, MapResult } from './levels';
import { contains, interiorPoint } from './planar';
import type { ProblemList } from './problems';
import type { ProvenanceEntry } from './provenance';
import type { PolygonCoords } from './reproject';
import { ALWAYS, matchingVersion, type Validity } from './versions';

export interface Territory {
	level: TerritoryConfig & { key: string };
	area: AreaFeature;
}

const validity = (m: MapResult): Validity => m.ref.version ?? ALWAYS;

export function assignParents(levels: LevelResult[], config: ImportConfig, problems: ProblemList, provenance: ProvenanceEntry[]): Territory | null {
	for (let i = 0; i + 1 < levels.length; i++) {
		const parentLevel = levels[i + 1];
		for (const m of levels[i].maps) {
			const pm = parentLevel.maps[matchingVersion(validity(m), parentLevel.maps.map(validity))] ?? parentLevel.maps.at(-1);
			if (pm) assignFrom(m, pm, levels[i], parentLevel, problems, provenance);
		}
	}
	const territory = makeTerritory(levels, config);
	const top = levels.at(-1);
	for (const m of top?.maps ?? []) {
		m.parentMethod = { kind: 'top' };
		for (const a of m.built.areas) a.properties.parent = territory?.level.key ?? '';
	}
	if (territory) {
		provenance.push({ action: 'territory', level: territory.level.id, note_de: `Oberste Ebene „${territory.level.label_de}“ (${territory.area.properties.name}, Schlüssel „${territory.level.key}“) als Vereinigung der Gebiete der Ebene „${top!.config.label_de}“ gebildet.` });
	}
	return territory;
}

function assignFrom(m: MapResult, pm: MapResult, level: LevelResult, parentLevel: LevelResult, problems: ProblemList, provenance: ProvenanceEntry[]) {
	if (!m.source || pm.built.areas.length === 0) return;
	const parents = pm.built.areas;
	const parentKeys = new Set(parents.map((a) => a.properties.key));
	// the attribute's value as the parent map writes the key (its rule, zeros not counting)
	const byForm = new Map(parents.map((a) => [keyMatchForm(a.properties.key), a.properties.key]));
	const configured = m.ref.geometry.parentField;
	const field = configured === '' ? undefined : (configured ?? suggestParentField(m.source, [m.fields.keyField, m.fields.nameField], parentKeys));
	const where = (a: AreaFeature) => ({ at: featureLabel({ index: m.built.index.get(a.properties.key) ?? 0, key: a.properties.key, name: a.properties.name }) });
	const parentName = (key: string) => parents.find((p) => p.properties.key === key)?.properties.name ?? '';
	const locate = (a: AreaFeature): string | null => {
		const p = interiorPoint(polygonsOfArea(a));
		return p ? (parents.find((c) => contains(polygonsOfArea(c), p))?.properties.key ?? null) : null;
	};
	const pl = parentLevel.config.label_de;
	if (field) {
		m.parentMethod = { kind: 'field', field };
		m.fields.parentField = field;
		problems.info(m.file, `Übergeordnete Gebiete (${pl}) aus dem Attribut „${field}“${configured ? '' : ' (erkannt, weil seine Werte Schlüssel der Ebene sind)'}; die Lage der Flächen wurde gegengeprüft.`);
		for (const a of m.built.areas) {
			const raw = m.source.features[(m.built.index.get(a.properties.key) ?? 0) - 1]?.properties[field];
			const written = applyKeyRule(keyText(raw), parentLevel.keyRule);
			const key = pm.renames.get(written) ?? byForm.get(keyMatchForm(written)) ?? written;
			a.properties.parent = key;
			if (!parentKeys.has(key)) {
				problems.error(m.file, `Das übergeordnete Gebiet „${key}“ (Attribut „${field}“) gibt es auf der Ebene „${pl}“ nicht. Bitte prüfen Sie das Attribut oder die Karte der Ebene „${pl}“.`, where(a));
				continue;
			}
			const found = locate(a);
			if (found && found !== key) problems.warning(m.file, `Laut Attribut „${field}“ gehört das Gebiet zu „${key}“ ${parentName(key)}, es liegt aber in „${found}“ ${parentName(found)}. Bitte prüfen Sie das Attribut oder die Karten.`, where(a));
		}
		return;
	}
	m.parentMethod = { kind: 'containment' };
	let missing = 0;
	for (const a of m.built.areas) {
		const found = locate(a);
		a.properties.parent = found ?? '';
		if (!found) {
			missing++;
			problems.error(m.file, `Das Gebiet liegt in keinem Gebiet der Ebene „${pl}“. Decken beide Karten dasselbe Gebiet ab, und stimmt das Koordinatensystem beider Karten?`, where(a));
		}
	}
	const note = `Übergeordnete Gebiete (${pl}) nach der Lage bestimmt (ein Punkt im Innern jedes Gebiets liegt in der Fläche des übergeordneten), weil die Karte kein Attribut mit Schlüsseln der Ebene „${pl}“ hat.`;
	problems.info(m.file, note);
	if (missing < m.built.areas.length) provenance.push({ action: 'parent_by_containment', level: level.config.id, ...(m.ref.version ? { version: m.ref.version.id } : {}), file: m.file, note_de: note });
}

function makeTerritory(levels: LevelResult[], config: ImportConfig): Territory | null {
	if (levels.length < 2 || config.territory === false) return null;
	const top = levels.at(-1)!;
	const newest = top.maps.at(-1)!;
	const areas = newest.built.areas;
	if (areas.length <= 1) return null;
	const kreis = /kreis/i.test(config.package.territory_de);
	const taken = new Set(levels.map((l) => l.config.id));
	const fallback = { id: kreis ? 'kreis' : 'stadt', label_de: kreis ? 'Kreis' : 'Stadt', label_en: kreis ? 'District (Kreis)' : 'City' };
	const level = { ...(config.territory || fallback), key: (config.territory && config.territory.key) || '0' };
	if (taken.has(level.id)) level.id = 'gesamtgebiet';
	const [first, ...rest] = areas.map((a) => polygonsOfArea(a) as unknown as PcMultiPolygon);
	const union = polygonClipping.union(first, ...rest) as unknown as PolygonCoords;
	const round = (x: number) => Math.round(x * 1e5) / 1e5;
	const outline = rewind(union.map((rings) => rings.map((ring) => ring.map(([x, y]) => [round(x), round(y)]))));
	return { level, area: areaFeature(level.key, config.package.territory_de || level.label_de, level.id, '', outline) };
}
