/**
 * Importing records by id into a store, before anything is written: new, identical and conflicting
 * records (same id, other content), and the planner's choice per conflict turned into the records
 * to write. Nothing is overwritten by default: a conflict without a choice throws. Shared by the
 * kinds whose files carry ids (targets, networks, measures).
 */
import { StoreError } from './record-store';

export type ConflictChoice = 'mine' | 'theirs' | 'both';
export interface ImportConflict<T> { id: string; mine: T; theirs: T }
export interface ImportPlan<T> { file: string; incoming: T[]; fresh: T[]; identical: T[]; conflicts: ImportConflict<T>[] }
export interface ImportResult { added: number; replaced: number; kept: number; duplicated: number; unchanged: number }

export function planImport<T extends { id: string }>(file: string, incoming: T[], list: readonly T[], same: (a: T, b: T) => boolean): ImportPlan<T> {
	const current = new Map(list.map((t) => [t.id, t]));
	const plan: ImportPlan<T> = { file, incoming, fresh: [], identical: [], conflicts: [] };
	for (const t of incoming) {
		const mine = current.get(t.id);
		if (!mine) plan.fresh.push(t);
		else if (same(mine, t)) plan.identical.push(t);
		else plan.conflicts.push({ id: t.id, mine, theirs: t });
	}
	return plan;
}

export interface ResolveKind<T> {
	same(a: T, b: T): boolean;
	newId(taken: ReadonlySet<string>): string;
	/** "both": the file's version as a copy with a new id (targets make it a draft). */
	copy(t: T, id: string): T;
	/** Message key of the refusal when a conflict has no choice. */
	choiceMissing: StoreError['key'];
}

/**
 * The records to write for a plan, judged against the list as it is now (it may have changed since
 * the plan was made). "both" keeps mine and adds the file's version as a copy with a new id.
 */
export function resolveImport<T extends { id: string }>(plan: ImportPlan<T>, list: readonly T[], choices: Readonly<Record<string, ConflictChoice>>, taken: Set<string>, kind: ResolveKind<T>): { put: T[]; result: ImportResult } {
	const result: ImportResult = { added: 0, replaced: 0, kept: 0, duplicated: 0, unchanged: 0 };
	const current = new Map(list.map((t) => [t.id, t]));
	const put: T[] = [];
	for (const t of plan.incoming) {
		const mine = current.get(t.id);
		const choice = mine && !kind.same(mine, t) ? choices[t.id] : undefined;
		if (!mine) (put.push(t), result.added++);
		else if (kind.same(mine, t)) result.unchanged++;
		else if (!choice) throw new StoreError(kind.choiceMissing, { id: t.id });
		else if (choice === 'mine') result.kept++;
		else if (choice === 'theirs') (put.push(t), result.replaced++);
		else {
			const id = kind.newId(taken);
			taken.add(id);
			put.push(kind.copy(t, id));
			result.duplicated++;
		}
	}
	return { put, result };
}
