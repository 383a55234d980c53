/** The join report as German messages (warnings for data left out, info for areas without data). */
import type { JoinReport } from './join';
import { problem, type ImportProblem } from './problems';
import { placesText } from './row-list';

export function joinProblems(report: JoinReport): ImportProblem[] {
	const out: ImportProblem[] = [];
	for (const g of report.unmatchedTable) {
		const file = g.places.map((p) => p.file).join(', ');
		const one = g.places.length === 1 && g.places[0].rows.length === 1;
		const what = g.key ? `Der Schlüssel „${g.key}“${g.name ? ` (${g.name})` : ''}` : `Der Name „${g.name}“`;
		const hint = g.candidates.length
			? ` Meinten Sie ${g.candidates.map((c) => `„${c.name}“ (${c.key}, Übereinstimmung ${Math.round(c.confidence * 100)} %)`).join(' oder ')}? Dann bestätigen Sie die Zuordnung.`
			: ' Ist das Gebiet aufgelöst, umbenannt oder neu geschlüsselt? Dann ordnen Sie es zu oder entfernen die Zeilen.';
		out.push(problem('warning', file, `${what} passt zu keinem Gebiet der Karte; ${placesText(g.places)} ${one ? 'wird' : 'werden'} nicht übernommen.${hint}`));
	}
	if (report.areasWithoutData.length > 0) {
		const list = report.areasWithoutData.slice(0, 8).map((a) => `${a.key} ${a.name}`).join(', ');
		out.push(problem('info', 'Karte', `${report.areasWithoutData.length} von ${report.areasTotal} Gebieten haben keine Daten (${list}${report.areasWithoutData.length > 8 ? ' …' : ''}); sie erscheinen als „keine Daten“.`));
	}
	if (report.normalisedKeys.length > 0) {
		const ex = report.normalisedKeys.slice(0, 3).map((k) => `${k.from} → ${k.to}`).join(', ');
		out.push(problem('info', 'Tabellen', `${report.normalisedKeys.length} Schlüssel passten erst nach Ergänzen führender Nullen bzw. Angleichen der Schreibweise (${ex}).`));
	}
	for (const t of report.totalRows) out.push(problem('info', t.file, `Summenzeile „${t.name}“ wird nicht übernommen; Stadtwerte berechnet das Werkzeug selbst.`, { row: t.row }));
	return out;
}
