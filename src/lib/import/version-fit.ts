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
import { RowSet, rowsText } from './row-list';
import { nameSimilarity } from './names';
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

/**
 * Returns the messages and the unmatched keys they explain (`version\0key`), whose one-by-one
 * "key not on the map" messages would only repeat them.
 */
export function versionFitProblems(records: readonly TableRecord[], keys: readonly (string | null)[], targets: readonly JoinTarget[], spaces: readonly KeySpace[], finestLabel: string): { problems: ImportProblem[]; explained: Set<string>; dropped: number[] } {
	// file → target → table keys (raw) and which of them matched
	const groups = new Map<string, Map<number, { years: Set<number>; keys: Set<string>; matched: Set<string>; rows: RowSet; records: number[]; misnamed: Map<string, [string, string]> }>>();
	const names = targets.map((t) => new Map(t.areas.map((a) => [a.key, a.name])));
	// 10⁶ records have a handful of years and files and some thousand keys: look each up once
	const targetOfYear = new Map<number, number>();
	const named = new Set<string>();
	for (let i = 0; i < records.length; i++) {
		const r = records[i];
		if (!r.key) continue;
		let t = targetOfYear.get(r.year);
		if (t === undefined) targetOfYear.set(r.year, (t = targets.findIndex((x) => validIn(x.validity, r.year))));
		if (t < 0) continue;
		let byTarget = groups.get(r.file);
		if (!byTarget) groups.set(r.file, (byTarget = new Map()));
		let g = byTarget.get(t);
		if (!g) byTarget.set(t, (g = { years: new Set(), keys: new Set(), matched: new Set(), rows: new RowSet(), records: [], misnamed: new Map() }));
		g.years.add(r.year);
		g.keys.add(r.key);
		g.records.push(i);
		const k = keys[i];
		if (k !== null) {
			g.matched.add(r.key);
			const id = `${r.file}\u0000${t}\u0000${r.key}\u0000${r.name}`;
			if (!r.name || named.has(id)) continue;
			named.add(id);
			const areaName = names[t].get(k);
			if (areaName && !g.misnamed.has(r.key) && nameSimilarity(r.name, areaName) < 0.5) g.misnamed.set(r.key, [`„${r.key}“ ${r.name}`, `„${k}“ ${areaName}`]);
		} else g.rows.add(r.file, r.row);
	}
	const out: ImportProblem[] = [];
	const explained = new Set<string>();
	const dropped: number[] = [];
	for (const [file, byTarget] of groups) {
		const spans = byTarget.size > 1 || targets.length > 1;
		for (const [t, g] of [...byTarget].sort(([a], [b]) => a - b)) {
			const total = g.keys.size;
			const matched = g.matched.size;
			const target = targets[t];
			// keys that match but name other areas: a shifted key list, or another level's keys
			if (g.misnamed.size >= 2 && g.misnamed.size * 2 >= matched) {
				const [[row, area]] = [...g.misnamed.values()];
				out.push(problem('warning', file, `${spans ? `${yearsText([...g.years].sort((a, b) => a - b))}: ` : ''}Bei ${g.misnamed.size} von ${matched} zugeordneten Schlüsseln passt der Name der Tabelle nicht zum Gebiet der Karte (z. B. ${row} ↔ ${area}). Gehört die Tabelle zu einer anderen Ebene oder einem anderen Gebietsstand? Bitte prüfen Sie Schlüsselspalte und Karte.`));
			}
			if (matched === total) continue;
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
			const left = `${rowsText(g.rows.places()[0]?.rows ?? [])} ${g.rows.size === 1 ? 'wird' : 'werden'} nicht übernommen.`;
			if (best) for (const k of g.keys) if (!g.matched.has(k) && best.s.keys.has(keyMatchForm(applyKeyRule(k, best.s.rule)))) explained.add(`${target.version}\u0000${k}`);
			if (best?.s.kind === 'version') {
				out.push(problem('warning', file, `${head}, ${best.n} passen zum ${best.s.label}; ${left} Ist die Tabelle auf den ${best.s.label} umgerechnet, oder stimmen die Jahre „gültig ab/bis“ der Gebietsstände nicht?`));
			} else if (best?.s.kind === 'level' && best.n === total) {
				// every key is a key of the coarser level: the ones that also fit the map do so by chance
				dropped.push(...g.records);
				for (const k of g.keys) explained.add(`${target.version}\u0000${k}`);
				out.push(problem('warning', file, `${head}, aber alle ${total} passen zur ${best.s.label}: Die Tabelle ist nach dieser Ebene gegliedert und wird nicht übernommen. Werte gibt es nur für die feinste Ebene „${finestLabel}“; bitte liefern Sie die Tabelle je ${finestLabel}.`));
			} else if (best?.s.kind === 'level') {
				out.push(problem('warning', file, `${head}, ${best.n} passen zur ${best.s.label}; ${left} Werte werden nur für die feinste Ebene „${finestLabel}“ übernommen; bitte liefern Sie die Tabelle je ${finestLabel}.`));
			} else if (matched === 0 && total >= 3) {
				for (const k of g.keys) explained.add(`${target.version}\u0000${k}`);
				out.push(problem('warning', file, `${head}; ${left} Gehören die Schlüssel zu einem anderen Gebietsstand? Dann laden Sie dessen Karte als weiteren Gebietsstand der Ebene „${finestLabel}“ (mit den Jahren, in denen er galt).`));
			}
		}
	}
	return { problems: out, explained, dropped };
}
