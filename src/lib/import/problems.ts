/**
 * Problems found while importing raw municipal files. Same shape as the package validator's
 * `Problem` (file, row, column, full German sentence), so the wizard and the CLI show both lists
 * the same way. `info` is for things the user should know but need not act on (e.g. "read as
 * Windows-1252").
 *
 * Modules in src/lib/import use relative imports only: the Node CLI (tsx) has no `$lib` alias.
 */
import type { Problem } from '../data/package/model';

export type ImportSeverity = 'error' | 'warning' | 'info';

/** Which step of the wizard a problem belongs to (reading files when not set). */
export type ImportStage = 'read' | 'join' | 'placeholders' | 'indicators' | 'package';

export interface ImportProblem extends Omit<Problem, 'severity'> {
	severity: ImportSeverity;
	stage?: ImportStage;
}

export interface Where {
	row?: number;
	column?: string;
	/** Locator outside table rows, e.g. "Objekt 3 („0102“)". */
	at?: string;
}

/** "datei.csv, Zeile 14, Spalte „Anzahl“: message" — the validator's convention. */
export function problem(severity: ImportSeverity, file: string, message: string, where: Where = {}): ImportProblem {
	const parts = [file];
	if (where.row !== undefined) parts.push(`Zeile ${where.row}`);
	if (where.at) parts.push(where.at);
	if (where.column !== undefined) parts.push(`Spalte „${where.column}“`);
	const p: ImportProblem = { severity, file, message_de: `${parts.join(', ')}: ${message}` };
	if (where.row !== undefined) p.row = where.row;
	if (where.column !== undefined) p.column = where.column;
	return p;
}

/**
 * Collects problems, capping each file at `max` so one broken export with 100,000 bad rows does not
 * produce 100,000 messages; the rest is counted in one closing line.
 */
export class ProblemList {
	readonly list: ImportProblem[] = [];
	#perFile = new Map<string, number>();

	constructor(private readonly max = 100) {}

	add(severity: ImportSeverity, file: string, message: string, where?: Where): void {
		const n = (this.#perFile.get(file) ?? 0) + 1;
		this.#perFile.set(file, n);
		if (n <= this.max) this.list.push(problem(severity, file, message, where));
	}
	error(file: string, message: string, where?: Where) {
		this.add('error', file, message, where);
	}
	warning(file: string, message: string, where?: Where) {
		this.add('warning', file, message, where);
	}
	info(file: string, message: string, where?: Where) {
		this.add('info', file, message, where);
	}
	/** Take problems already phrased elsewhere (they count towards the cap like new ones). */
	push(...problems: ImportProblem[]) {
		for (const p of problems) {
			const n = (this.#perFile.get(p.file) ?? 0) + 1;
			this.#perFile.set(p.file, n);
			if (n <= this.max) this.list.push(p);
		}
	}
	get hasErrors(): boolean {
		return this.list.some((p) => p.severity === 'error');
	}
	finish(): ImportProblem[] {
		const out = [...this.list];
		for (const [file, n] of this.#perFile) {
			if (n > this.max) out.push(problem(out.some((p) => p.file === file && p.severity === 'error') ? 'error' : 'warning', file, `${n - this.max} weitere Probleme werden nicht einzeln aufgeführt.`));
		}
		return out;
	}
}

/** „x“ shortened, the validator's quoting. */
export { quote } from '../data/package/csv';
