/**
 * Collects validation problems with the German locator every message carries ("file, Zeile 17,
 * Spalte „year“: …") and caps the list per file. Shared by the checks in this folder.
 */
import type { Problem, ProblemSeverity } from './model';

/** After this many problems in one file the rest is summarised: one bad export can have 100,000. */
const MAX_PROBLEMS_PER_FILE = 200;

export interface Where {
	row?: number;
	column?: string;
	/** Locator outside CSV rows, e.g. "Feld „sozialraum.levels“" or "Objekt 3 („0102“)". */
	at?: string;
}

export class Findings {
	readonly list: Problem[] = [];
	private readonly perFile = new Map<string, number>();

	add(severity: ProblemSeverity, file: string, message: string, where: Where = {}): void {
		const n = (this.perFile.get(file) ?? 0) + 1;
		this.perFile.set(file, n);
		if (n > MAX_PROBLEMS_PER_FILE) return;
		const parts = [file];
		if (where.row !== undefined) parts.push(`Zeile ${where.row}`);
		if (where.at) parts.push(where.at);
		if (where.column !== undefined) parts.push(`Spalte „${where.column}“`);
		const problem: Problem = { severity, file, message_de: `${parts.join(', ')}: ${message}` };
		if (where.row !== undefined) problem.row = where.row;
		if (where.column !== undefined) problem.column = where.column;
		this.list.push(problem);
	}
	error(file: string, message: string, where?: Where): void {
		this.add('error', file, message, where);
	}
	warning(file: string, message: string, where?: Where): void {
		this.add('warning', file, message, where);
	}
	/** Append "… N more" per file that hit the limit. */
	finish(): Problem[] {
		for (const [file, n] of this.perFile) {
			if (n <= MAX_PROBLEMS_PER_FILE) continue;
			const more = n - MAX_PROBLEMS_PER_FILE;
			this.list.push({
				severity: this.list.some((p) => p.file === file && p.severity === 'error') ? 'error' : 'warning',
				file,
				message_de: `${file}: ${more} weitere Probleme werden nicht einzeln aufgeführt.`
			});
		}
		return this.list;
	}
	get hasErrors(): boolean {
		return this.list.some((p) => p.severity === 'error');
	}
}

export const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);
export const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';
export const field = (path: string) => ({ at: `Feld „${path}“` });
