/**
 * Residents per area and year from the tables' „Einwohner insgesamt“ column → population.csv
 * (age group `insgesamt`). Without them the package still works, but less of the tool does: the
 * import says what is lost, so the planner can map a column instead of finding out later.
 */
import type { PopulationRow } from '../data/types';
import type { ProblemList } from './problems';
import type { TableRecord } from './records';

export function buildPopulation(records: readonly TableRecord[], keys: readonly (string | null)[], problems: ProblemList): PopulationRow[] {
	const seen = new Map<string, { persons: number; file: string; row: number }>();
	const out: PopulationRow[] = [];
	records.forEach((r, i) => {
		const key = keys[i];
		if (r.population === undefined || !key) return;
		const id = `${key}\u0000${r.year}`;
		const first = seen.get(id);
		if (!first) {
			seen.set(id, { persons: r.population, file: r.file, row: r.row });
			out.push({ area_key: key, year: r.year, age_group: 'insgesamt', persons: r.population });
		} else if (first.persons !== r.population) {
			problems.warning(r.file, `Für Gebiet „${key}“ im Jahr ${r.year} stehen zwei Einwohnerzahlen: ${first.persons.toLocaleString('de-DE')} (${first.file === r.file ? '' : `${first.file}, `}Zeile ${first.row}) und ${r.population.toLocaleString('de-DE')}. Übernommen wird die erste.`, { row: r.row });
		}
	});
	return out.sort((a, b) => (a.area_key < b.area_key ? -1 : a.area_key > b.area_key ? 1 : a.year - b.year));
}

/** What a package without residents cannot do (said once, when no table gives them). */
export const WITHOUT_POPULATION =
	'Keine Tabelle enthält Einwohnerzahlen. Ohne sie fehlen die Einwohner im Steckbrief, die Versorgungsquoten der Angebote (Plätze je 100 Kinder) und die Mindestgröße im Sozialindex (die übliche Regel „mindestens 300 Einwohner“ kann nicht angewendet werden). Enthält eine Tabelle eine Spalte „Einwohner insgesamt“, ordnen Sie sie im Schritt „Spalten zuordnen“ der Rolle „Einwohner insgesamt“ zu.';
