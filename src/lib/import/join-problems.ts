/** The join report as German messages (warnings for data left out, info for areas without data). */
import type { Candidate, JoinReport } from './join';
import { problem, type ImportProblem } from './problems';
import { andList, placesText } from './row-list';

const verb = (places: JoinReport['unmatchedTable'][number]['places']) => (places.length === 1 && places[0].rows.length === 1 ? 'wird' : 'werden');
const files = (places: { file: string }[]) => places.map((p) => p.file).join(', ');

/** „„Kirchweg“ gibt es in Nordstadt und in Weststadt“, when the best name fits several areas. */
export function sameNameNote(name: string, candidates: readonly Candidate[]): string {
	const same = candidates.filter((c) => c.confidence === 1);
	if (same.length < 2) return '';
	const where = same.map((c) => (c.parentName ? `in ${c.parentName} („${c.key}“)` : `als „${c.key}“`));
	return ` Achtung: „${name}“ gibt es ${andList(where)}; bitte wählen Sie das richtige Gebiet.`;
}

/** `explained`: unmatched `version\0key`s a version-fit message already covers (version-fit.ts). */
export function joinProblems(report: JoinReport, explained: ReadonlySet<string> = new Set()): ImportProblem[] {
	const out: ImportProblem[] = [];
	for (const g of report.unmatchedTable) {
		if (g.key && explained.has(`${g.version}\u0000${g.key}`)) continue;
		const what = g.key ? `Der Schlüssel „${g.key}“${g.name ? ` (${g.name})` : ''}` : `Der Name „${g.name}“`;
		const proposals = g.candidates.map((c) => `„${c.name}“ (${c.key}${c.parentName ? `, ${c.parentName}` : ''}, ${c.confidence === 1 ? 'gleicher Name' : `Übereinstimmung ${Math.round(c.confidence * 100)} %`})`);
		const keyed = g.key && g.candidates.length ? ` Vorsicht: Die Zeilen haben den Schlüssel „${g.key}“, die vorgeschlagenen Gebiete einen anderen.` : '';
		const hint = g.candidates.length
			? ` Meinten Sie ${proposals.join(' oder ')}? Zugeordnet wird erst, wenn Sie bestätigen.${keyed}${sameNameNote(g.name, g.candidates)}`
			: ' Ist das Gebiet aufgelöst, umbenannt oder neu geschlüsselt? Dann ordnen Sie es zu oder entfernen die Zeilen.';
		out.push(problem('warning', files(g.places), `${what} passt zu keinem Gebiet der Karte; ${placesText(g.places)} ${verb(g.places)} nicht übernommen.${hint}`));
	}
	for (const w of report.waitingForMap) {
		out.push(problem('warning', files(w.places), `Der Schlüssel „${w.key}“ steht in der Karte bei mehreren Flächen (siehe Karte); ${placesText(w.places)} ${verb(w.places)} erst zugeordnet, wenn das geklärt ist.`));
	}
	for (const y of report.withoutVersion) {
		out.push(problem('warning', files(y.places), `Für das Jahr ${y.year} gibt es keinen Gebietsstand; ${placesText(y.places)} ${verb(y.places)} nicht übernommen. Bitte prüfen Sie die Jahre „gültig ab/bis“ der Gebietsstände.`));
	}
	if (report.areasWithoutData.length > 0) {
		const list = report.areasWithoutData.slice(0, 8).map((a) => `${a.key} ${a.name}`).join(', ');
		out.push(problem('info', 'Karte', `${report.areasWithoutData.length} von ${report.areasTotal} Gebieten haben keine Daten (${list}${report.areasWithoutData.length > 8 ? ' …' : ''}); sie erscheinen als „keine Daten“.`));
	}
	if (report.normalisedKeys.length > 0) {
		const ex = report.normalisedKeys.slice(0, 3).map((k) => `${k.from} → ${k.to}`).join(', ');
		out.push(problem('info', 'Tabellen', `${report.normalisedKeys.length} Schlüssel passten erst nach Anwenden der Schlüsselregel bzw. Angleichen der Schreibweise (${ex}).`));
	}
	for (const b of report.byName) out.push(problem('info', 'Tabellen', `„${b.tableName}“ wird, wie von Ihnen bestätigt, dem Gebiet „${b.key}“ ${b.areaName} zugeordnet.`));
	for (const t of report.totalRows) out.push(problem('info', t.file, `Summenzeile „${t.name}“ wird nicht übernommen; Stadtwerte berechnet das Werkzeug selbst.`, { row: t.row }));
	return out;
}
