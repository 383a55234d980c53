/**
 * A crosswalk (Schlüsseltabelle, „Umsteigeschlüssel“) as a statistics office delivers it: one row
 * per old and new key, with the share of the old area that went to the new one (of residents, as
 * a rule) — or without shares when every old area went to exactly one new area. Read with the
 * same table readers as the data; keys under the level's key rule; shares checked to sum to 1.
 */
import type { CrosswalkRow } from './build-package';
import type { CrosswalkConfig } from './config';
import type { InputFile } from './geo-read';
import { cellText } from './grid';
import { applyKeyRule, keyMatchForm, keyText, type KeyRule } from './keys';
import { fold } from './mapping';
import { parseNumberCell } from './numbers';
import { prepareTable } from './prepare-table';
import type { ProblemList } from './problems';

const FROM = /\balt\b|^alt|von|from|bisher|old|vorher/;
const TO = /\bneu\b|^neu|nach|\bto\b|new|jetzt/;
const WEIGHT = /anteil|gewicht|weight|share|quote|faktor|prozent|%/;

export interface CrosswalkSide {
	version: string;
	/** Match form → key of the version. */
	keys: ReadonlyMap<string, string>;
}

export function readCrosswalk(file: InputFile, config: CrosswalkConfig, level: string, rule: KeyRule, from: CrosswalkSide, to: CrosswalkSide, problems: ProblemList): CrosswalkRow[] {
	const t = prepareTable(file, { ...config, wide: false });
	const cols = t.long.columns;
	const find = (re: RegExp, taken: string[]) => cols.find((c) => !taken.includes(c) && re.test(fold(c)));
	const fromCol = config.columns?.from ?? find(FROM, []) ?? cols[0];
	const toCol = config.columns?.to ?? find(TO, [fromCol]) ?? cols.find((c) => c !== fromCol);
	const weightCol = config.columns?.weight ?? find(WEIGHT, [fromCol, toCol ?? '']);
	if (!fromCol || !toCol) {
		problems.error(file.name, 'Die Schlüsseltabelle braucht eine Spalte mit dem alten und eine mit dem neuen Schlüssel.');
		return [];
	}
	problems.info(file.name, `Schlüsseltabelle: alter Schlüssel aus „${fromCol}“, neuer aus „${toCol}“${weightCol ? `, Anteil aus „${weightCol}“` : ', ohne Anteile (jedes alte Gebiet ganz einem neuen)'}.`);
	const idx = (c: string | undefined) => (c ? cols.indexOf(c) : -1);
	const [fi, ti, wi] = [idx(fromCol), idx(toCol), idx(weightCol)];
	const rows: (CrosswalkRow & { row: number })[] = [];
	for (const r of t.long.rows) {
		const fk = applyKeyRule(keyText(r.cells[fi]), rule);
		const tk = applyKeyRule(keyText(r.cells[ti]), rule);
		if (!fk && !tk) continue;
		const oldKey = from.keys.get(keyMatchForm(fk));
		const newKey = to.keys.get(keyMatchForm(tk));
		if (!oldKey) problems.error(file.name, `„${fk}“ ist kein Schlüssel des Gebietsstands ${from.version}.`, { row: r.row, column: fromCol });
		if (!newKey) problems.error(file.name, `„${tk}“ ist kein Schlüssel des Gebietsstands ${to.version}.`, { row: r.row, column: toCol });
		let weight = 1;
		if (wi >= 0) {
			const p = parseNumberCell(r.cells[wi] ?? '', t.decimal);
			if (p.kind !== 'number' || !(p.value > 0)) {
				problems.error(file.name, `„${cellText(r.cells[wi])}“ ist kein Anteil größer als 0.`, { row: r.row, column: weightCol });
				continue;
			}
			weight = p.value;
		}
		if (oldKey && newKey) rows.push({ level, from_version: from.version, from_key: oldKey, to_version: to.version, to_key: newKey, weight, method: 'given', row: r.row });
	}
	// shares in per cent: every share ≤ 100 and at least one above 1
	if (rows.some((r) => r.weight > 1) && rows.every((r) => r.weight <= 100)) for (const r of rows) r.weight /= 100;
	const byFrom = new Map<string, typeof rows>();
	for (const r of rows) byFrom.set(r.from_key, [...(byFrom.get(r.from_key) ?? []), r]);
	for (const [key, group] of byFrom) {
		if (wi < 0 && group.length > 1) {
			problems.error(file.name, `„${key}“ ist auf ${group.length} neue Gebiete verteilt (Zeilen ${group.map((g) => g.row).join(', ')}), aber die Tabelle hat keine Anteile. Bitte ergänzen Sie eine Spalte mit Anteilen, oder lassen Sie die Anteile aus den Flächen berechnen.`);
			continue;
		}
		const sum = group.reduce((s, r) => s + r.weight, 0);
		if (Math.abs(sum - 1) > 0.001) problems.error(file.name, `Die Anteile von „${key}“ ergeben zusammen ${sum.toLocaleString('de-DE', { maximumFractionDigits: 4 })} statt 1 (Zeilen ${group.map((g) => g.row).join(', ')}).`);
	}
	return rows.map(({ row: _row, ...r }) => r);
}
