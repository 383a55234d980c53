/**
 * Checks of crosswalk.csv (docs/levels-and-versions.md): every row links an area of one version
 * of a level to an area of another version of the same level, weights are shares (0 < w ≤ 1) and
 * add up to 1 per old area, target version and method, so converted counts keep their total.
 */
import type { CrosswalkRow } from '../types';
import { quote, type ParsedTable } from './csv';
import { Findings } from './findings';
import type { AreaIndex, LevelSet } from './validate-areas';

/** Weights of one old area must sum to 1 within this tolerance (rounded shares from a GIS). */
export const WEIGHT_SUM_TOLERANCE = 0.001;

export function checkCrosswalk(t: { file: string; table: ParsedTable<CrosswalkRow> } | null, areas: AreaIndex, f: Findings): void {
	const versioned = areas.levels.filter((l) => l.versions.length > 1);
	if (!t) {
		for (const l of versioned) {
			f.warning('datapackage.json', `Die Ebene ${quote(l.level.id)} hat ${l.versions.length} Gebietsstände, aber das Paket hat keine Schlüsseltabelle (Ressource „crosswalk“): Zeitreihen werden am Wechsel unterbrochen; umrechnen lassen sie sich nicht.`, { at: 'Feld „resources“' });
		}
		return;
	}
	const { file, table } = t;
	const sums = new Map<string, { sum: number; row: number; row0: CrosswalkRow }>();
	const seen = new Map<string, number>();
	table.rows.forEach((r, i) => {
		const row = table.rowNumbers[i];
		const level = areas.levelById(r.level);
		if (!level) {
			f.error(file, `Das Paket hat keine Ebene ${quote(r.level)}.`, { row, column: 'level' });
			return;
		}
		const declared = (id: string) => (level.level.versions ?? []).some((v) => v.id === id);
		// a version whose file is missing was reported already; its keys cannot be checked
		const from = versionOf(level, r.from_version);
		const to = versionOf(level, r.to_version);
		if (!declared(r.from_version)) f.error(file, `Die Ebene ${quote(r.level)} hat keinen Gebietsstand ${quote(r.from_version)}.`, { row, column: 'from_version' });
		if (!declared(r.to_version)) f.error(file, `Die Ebene ${quote(r.level)} hat keinen Gebietsstand ${quote(r.to_version)}.`, { row, column: 'to_version' });
		if (r.from_version === r.to_version) f.error(file, 'Alter und neuer Gebietsstand sind gleich.', { row, column: 'to_version' });
		if (from && !from.keys.has(r.from_key)) {
			f.error(file, `Gebiet ${quote(r.from_key)} gibt es im Gebietsstand ${quote(r.from_version)} der Ebene ${quote(r.level)} nicht.`, { row, column: 'from_key' });
		}
		if (to && !to.keys.has(r.to_key)) {
			f.error(file, `Gebiet ${quote(r.to_key)} gibt es im Gebietsstand ${quote(r.to_version)} der Ebene ${quote(r.level)} nicht.`, { row, column: 'to_key' });
		}
		if (!(r.weight > 0 && r.weight <= 1)) {
			f.error(file, `Gewicht ${r.weight} ist kein Anteil; erlaubt ist 0 < Gewicht ≤ 1.`, { row, column: 'weight' });
		}
		const id = [r.level, r.from_version, r.from_key, r.to_version, r.to_key, r.method].join('\u0000');
		const first = seen.get(id);
		if (first !== undefined) {
			f.error(file, `Die Zuordnung ${quote(r.from_key)} → ${quote(r.to_key)} (${r.method}) kommt mehrfach vor (zuerst in Zeile ${first}).`, { row });
			return;
		}
		seen.set(id, row);
		const group = [r.level, r.from_version, r.from_key, r.to_version, r.method].join('\u0000');
		const g = sums.get(group);
		if (g) g.sum += r.weight;
		else sums.set(group, { sum: r.weight, row, row0: r });
	});
	for (const { sum, row, row0: r } of sums.values()) {
		if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
			f.error(
				file,
				`Die Gewichte von Gebiet ${quote(r.from_key)} (Gebietsstand ${quote(r.from_version)} → ${quote(r.to_version)}, Methode ${quote(r.method)}) ergeben zusammen ${Math.round(sum * 10000) / 10000} statt 1.`,
				{ row, column: 'weight' }
			);
		}
	}
	// Old areas that disappear need rows, or their counts are lost when a series is converted.
	const methods = new Set(table.rows.map((r) => `${r.level}\u0000${r.from_version}\u0000${r.to_version}\u0000${r.method}`));
	for (const m of methods) {
		const [levelId, fromId, toId, method] = m.split('\u0000');
		const level = areas.levelById(levelId);
		const from = level && versionOf(level, fromId);
		const to = level && versionOf(level, toId);
		if (!from || !to) continue;
		const covered = new Set(table.rows.filter((r) => r.level === levelId && r.from_version === fromId && r.to_version === toId && r.method === method).map((r) => r.from_key));
		const lost = [...from.keys.keys()].filter((k) => !to.keys.has(k) && !covered.has(k));
		if (lost.length > 0) {
			f.warning(file, `Für ${lost.length === 1 ? 'das Gebiet' : 'die Gebiete'} ${lost.map(quote).join(', ')} des Gebietsstands ${quote(fromId)} fehlt im Gebietsstand ${quote(toId)} eine Zuordnung (Methode ${quote(method)}); ihre Zahlen fehlen in umgerechneten Zeitreihen.`);
		}
	}
}

function versionOf(level: LevelSet, id: string) {
	return level.versions.find((v) => v.version.id === id);
}
