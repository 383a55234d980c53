/**
 * Crosswalks between consecutive boundary versions of a level: read from the statistics office's
 * table (crosswalk-read.ts) where one is given, else computed from the two versions' polygons as
 * area shares (src/lib/geo/crosswalk.ts), unless switched off. Areas that kept their key map onto
 * themselves and need no row (docs/levels-and-versions.md).
 */
import { areaCrosswalk, roundWeights } from '../geo/crosswalk';
import type { CrosswalkRow } from './build-package';
import type { InputFile } from './geo-read';
import { keyMatchForm } from './keys';
import type { LevelResult, MapResult } from './levels';
import { readCrosswalk } from './crosswalk-read';
import type { ProblemList } from './problems';
import type { ProvenanceEntry } from './provenance';
import { versionLabel } from './versions';

const keysOf = (m: MapResult) => new Map(m.built.areas.map((a) => [keyMatchForm(a.properties.key), a.properties.key]));
const pct = (x: number) => `${(100 * x).toLocaleString('de-DE', { maximumFractionDigits: 1 })} %`;

export function buildCrosswalks(levels: LevelResult[], files: Map<string, InputFile>, problems: ProblemList, provenance: ProvenanceEntry[]): CrosswalkRow[] {
	const out: CrosswalkRow[] = [];
	for (const level of levels) {
		const maps = level.maps.filter((m) => m.ref.version && m.built.areas.length > 0);
		for (let i = 0; i + 1 < maps.length; i++) {
			const [older, newer] = [maps[i], maps[i + 1]];
			const [from, to] = [older.ref.version!.id, newer.ref.version!.id];
			const configs = level.config.crosswalks ?? [];
			const config = configs.find((c) => c.from_version === from && c.to_version === to) ?? configs.find((c, k) => !c.from_version && !c.to_version && k === i);
			const pair = `${versionLabel(older.ref.version!)} → ${versionLabel(newer.ref.version!)}`;
			if (config?.file) {
				const file = files.get(config.file);
				if (!file) {
					problems.error(config.file, 'Die Datei fehlt. Bitte wählen Sie sie (erneut) aus.');
					continue;
				}
				const rows = readCrosswalk(file, config, level.config.id, level.keyRule, { version: from, keys: keysOf(older) }, { version: to, keys: keysOf(newer) }, problems);
				const newKeys = new Set(newer.built.areas.map((a) => a.properties.key));
				const missing = older.built.areas.filter((a) => !newKeys.has(a.properties.key) && !rows.some((r) => r.from_key === a.properties.key));
				if (missing.length) problems.warning(config.file, `In der Schlüsseltabelle fehlen ${missing.map((a) => `„${a.properties.key}“ ${a.properties.name}`).join(', ')}; deren Zahlen lassen sich nicht auf den ${versionLabel(newer.ref.version!)} umrechnen.`);
				out.push(...rows);
				provenance.push({ action: 'crosswalk', level: level.config.id, file: config.file, from_version: from, to_version: to, method: 'given', note_de: `Schlüsseltabelle ${pair} aus „${config.file}“ (${rows.length} Zeilen, Anteile wie geliefert).` });
				continue;
			}
			if (config?.compute === false) continue;
			const geometry = (m: MapResult) => m.built.areas.map((a) => ({ key: a.properties.key, geometry: a.geometry }));
			const result = areaCrosswalk(geometry(older), geometry(newer));
			const rows = roundWeights(result.weights).map((w) => ({ level: level.config.id, from_version: from, from_key: w.from_key, to_version: to, to_key: w.to_key, weight: w.weight, method: 'area' as const }));
			out.push(...rows);
			const split = new Set(rows.filter((r) => r.weight < 1).map((r) => r.from_key)).size;
			const note = `Schlüsseltabelle ${pair} aus den Flächen berechnet (flächengewichtet): ${new Set(rows.map((r) => r.from_key)).size} geänderte Gebiete, davon ${split} auf mehrere neue verteilt. Flächenanteile unterstellen gleichmäßig verteilte Einwohner; liegt eine Schlüsseltabelle der Statistikstelle vor, laden Sie sie.`;
			problems.info(newer.file, note);
			for (const s of result.slivers) problems.info(newer.file, `Schlüsseltabelle: ein Splitter von „${s.from_key}“ in „${s.to_key}“ (${pct(s.share)} der Fläche) wurde nicht gezählt.`);
			if (result.unmatched.length) problems.warning(newer.file, `${result.unmatched.map((k) => `„${k}“`).join(', ')} (${versionLabel(older.ref.version!)}) überlappt kein Gebiet des ${versionLabel(newer.ref.version!)}; deren Zahlen lassen sich nicht umrechnen.`);
			provenance.push({ action: 'crosswalk', level: level.config.id, from_version: from, to_version: to, method: 'area', note_de: note });
		}
	}
	return out;
}
