/**
 * Which map a table's keys belong to. A table on another boundary version than the map, or on a
 * coarser level, is told so precisely instead of as a long list of unknown keys:
 *   „ortsteile.csv, Jahre 2019–2020: 0 von 542 Schlüsseln passen zur geladenen Karte (Gebietsstand
 *   2014), 540 passen zum Gebietsstand 2021.“
 * Counted per table and per run of years that share a version, so a series across a change is
 * judged year by year.
 */
import type { JoinTarget } from './join';
import { applyKeyRule, keyMatchForm, type KeyRule } from './keys';
import { problem, type ImportProblem } from './problems';
import type { TableRecord } from './records';
import { validIn } from './versions';

export interface KeySpace {
	/** „Gebietsstand 2021“ or „Ebene Gemeinde“. */
	label: string;
	kind: 'version' | 'level';
	/** Match forms of its keys. */
	keys: ReadonlySet<string>;
	/** Its own key rule (a coarser level may write keys differently). */
	rule: KeyRule;
}

const yearsText = (years: number[]) => (years.length === 1 ? `Jahr ${years[0]}` : `Jahre ${years[0]}–${years.at(-1)}`);

export function versionFitProblems(records: readonly TableRecord[], keys: readonly (string | null)[], targets: readonly JoinTarget[], spaces: readonly KeySpace[], finestLabel: string): ImportProblem[] {
	// file → target → table keys (raw) and which of them matched
	const groups = new Map<string, Map<number, { years: Set<number>; keys: Set<string>; matched: Set<string> }>>();
	records.forEach((r, i) => {
		if (!r.key) return;
		const t = targets.findIndex((x) => validIn(x.validity, r.year));
		if (t < 0) return;
		let byTarget = groups.get(r.file);
		if (!byTarget) groups.set(r.file, (byTarget = new Map()));
		let g = byTarget.get(t);
		if (!g) byTarget.set(t, (g = { years: new Set(), keys: new Set(), matched: new Set() }));
		g.years.add(r.year);
		g.keys.add(r.key);
		if (keys[i] !== null) g.matched.add(r.key);
	});
	const out: ImportProblem[] = [];
	for (const [file, byTarget] of groups) {
		const spans = byTarget.size > 1 || targets.length > 1;
		for (const [t, g] of [...byTarget].sort(([a], [b]) => a - b)) {
			const total = g.keys.size;
			const matched = g.matched.size;
			if (matched === total) continue;
			const target = targets[t];
			const mine = target.label ? `zur geladenen Karte (${target.label})` : 'zur geladenen Karte';
			const fits = spaces
				.filter((s) => s.label !== target.label)
				.map((s) => ({ s, n: [...g.keys].filter((k) => s.keys.has(keyMatchForm(applyKeyRule(k, s.rule)))).length }))
				.filter((f) => f.n > matched)
				.sort((a, b) => b.n - a.n);
			const years = [...g.years].sort((a, b) => a - b);
			const where = spans ? `${yearsText(years)}: ` : '';
			const head = `${where}${matched} von ${total} Schlüsseln passen ${mine}`;
			const best = fits[0];
			if (best?.s.kind === 'version') {
				out.push(problem('warning', file, `${head}, ${best.n} passen zum ${best.s.label}. Ist die Tabelle auf den ${best.s.label} umgerechnet, oder stimmen die Jahre „gültig ab/bis“ der Gebietsstände nicht?`));
			} else if (best?.s.kind === 'level') {
				out.push(problem('warning', file, `${head}, ${best.n} passen zur ${best.s.label}. Werte werden nur für die feinste Ebene „${finestLabel}“ übernommen; bitte liefern Sie die Tabelle je ${finestLabel}.`));
			} else if (matched === 0 && total >= 3) {
				out.push(problem('warning', file, `${head}. Gehören die Schlüssel zu einem anderen Gebietsstand? Dann laden Sie dessen Karte als weiteren Gebietsstand der Ebene „${finestLabel}“ (mit den Jahren, in denen er galt).`));
			}
		}
	}
	return out;
}
