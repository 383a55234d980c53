/**
 * The visible records = the package's records, overlaid with this browser's entries: an entry
 * replaces a package record (edited), hides it (tombstone, `record: null`), or adds an own record.
 * Pure and in memory; the store persists the entries.
 *
 * A new package version may change a record this browser changed too. An entry remembers the
 * package record it started from (`base`); when the package now holds something else, or no longer
 * holds the record at all, that is a conflict: the local change stays in force (nothing the
 * planner did is discarded silently) and is listed for the planner to keep or to give up.
 */
import { isHistoryItem, type HistoryItem } from './history';
import type { StoredEntry } from './storage';

export type Origin = 'package' | 'edited' | 'local';
/** A change: per id the new entry, or undefined to drop the entry. */
export type Change<T> = Map<string, StoredEntry<T> | undefined>;

export interface Conflict<T> {
	id: string;
	/** What this browser holds: the edited record, or null for a deletion here. */
	mine: T | null;
	/** What the package holds now: its new version, or null when the package dropped the record. */
	theirs: T | null;
}

export interface OverlayKind<T extends { id: string }> {
	/** A copy with fields in a fixed order, so equal records compare and serialise equally. */
	canonical(t: T): T;
	/** A stored record checked field by field; null when damaged (it is then skipped). */
	read(raw: unknown): T | null;
}

export class Overlay<T extends { id: string }> {
	#package = new Map<string, T>();
	#entries = new Map<string, StoredEntry<T>>();
	#kind: OverlayKind<T>;

	constructor(pkg: readonly T[], entries: readonly unknown[], kind: OverlayKind<T>) {
		this.#kind = kind;
		for (const t of pkg) this.#package.set(t.id, kind.canonical(t));
		for (const raw of entries) {
			const e = readEntry(raw, kind);
			// Skip what a crash or an older version may have left behind instead of failing the page.
			if (!e) continue;
			// A deletion of a record the package no longer has hides nothing: forget it.
			if (e.record === null && !this.#package.has(e.id)) continue;
			this.#entries.set(e.id, e);
		}
	}

	json(t: T): string {
		return JSON.stringify(this.#kind.canonical(t));
	}

	same(a: T, b: T): boolean {
		return this.json(a) === this.json(b);
	}

	/** Package records in package order, then own records in order of creation. */
	list(): T[] {
		const out: T[] = [];
		for (const [id, t] of this.#package) {
			const e = this.#entries.get(id);
			if (!e) out.push(t);
			else if (e.record) out.push(e.record);
		}
		const own = [...this.#entries.values()].filter((e) => !this.#package.has(e.id) && e.record).sort((a, b) => a.seq - b.seq);
		return [...out, ...own.map((e) => e.record as T)].map((t) => this.#kind.canonical(t));
	}

	origin(id: string): Origin {
		return !this.#package.has(id) ? 'local' : this.#entries.has(id) ? 'edited' : 'package';
	}

	packageRecord(id: string): T | undefined {
		return this.#package.get(id);
	}

	entry(id: string): StoredEntry<T> | undefined {
		return this.#entries.get(id);
	}

	/** How many records differ from the package here (made, edited or deleted in this browser). */
	changeCount(): number {
		return this.#entries.size;
	}

	conflicts(): Conflict<T>[] {
		const out: Conflict<T>[] = [];
		for (const e of [...this.#entries.values()].sort((a, b) => a.seq - b.seq)) {
			if (e.base === undefined) continue;
			const pkg = this.#package.get(e.id);
			if (!pkg) out.push({ id: e.id, mine: e.record, theirs: null });
			else if (this.json(pkg) !== e.base) out.push({ id: e.id, mine: e.record, theirs: pkg });
		}
		return out;
	}

	/** Every id in use, visible or not (a new id must avoid hidden package ids too). */
	taken(): Set<string> {
		return new Set([...this.#package.keys(), ...this.#entries.keys()]);
	}

	nextSeq(): number {
		return Math.max(0, ...[...this.#entries.values()].map((e) => e.seq)) + 1;
	}

	/**
	 * The entry that makes `t` visible; none for a package record back at its package content
	 * (its local history goes with it: there is no local change left to explain).
	 */
	putEntry(t: T, seq?: number, history?: HistoryItem[]): StoredEntry<T> | undefined {
		const pkg = this.#package.get(t.id);
		if (pkg && this.same(pkg, t)) return undefined;
		const old = this.#entries.get(t.id);
		const e: StoredEntry<T> = { id: t.id, seq: old?.seq ?? seq ?? this.nextSeq(), record: this.#kind.canonical(t) };
		const base = pkg ? (old ? old.base : this.json(pkg)) : old?.base;
		if (base !== undefined) e.base = base;
		if (history?.length) e.history = history;
		return e;
	}

	/** A package record is hidden by a tombstone; an own record simply goes. */
	removeEntry(id: string, history?: HistoryItem[]): StoredEntry<T> | undefined {
		const pkg = this.#package.get(id);
		if (!pkg) return undefined;
		const old = this.#entries.get(id);
		const e: StoredEntry<T> = { id, seq: old?.seq ?? 0, record: null, base: old?.base ?? this.json(pkg) };
		if (history?.length) e.history = history;
		return e;
	}

	/**
	 * Settle a conflict: keep the local version over the package's new one (its base becomes the
	 * new package version; a record the package dropped becomes an own record), or give it up.
	 */
	resolveEntry(id: string, keep: boolean, history?: HistoryItem[]): StoredEntry<T> | undefined {
		const e = this.#entries.get(id);
		if (!e || !keep) return undefined;
		const pkg = this.#package.get(id);
		if (e.record === null && !pkg) return undefined;
		const out: StoredEntry<T> = { id, seq: e.seq, record: e.record };
		if (pkg) out.base = this.json(pkg);
		if (history?.length) out.history = history;
		else if (e.history) out.history = e.history;
		return out;
	}

	/** The entries a change would replace (its undo). */
	before(change: Change<T>): Change<T> {
		return new Map([...change.keys()].map((id) => [id, this.#entries.get(id)]));
	}

	apply(change: Change<T>): void {
		for (const [id, e] of change) {
			if (e) this.#entries.set(id, e);
			else this.#entries.delete(id);
		}
	}
}

/**
 * A stored entry checked; null when damaged. Entries written before the store was shared by
 * several kinds of records kept targets under `target` instead of `record`.
 */
function readEntry<T extends { id: string }>(raw: unknown, kind: OverlayKind<T>): StoredEntry<T> | null {
	const e = raw as Record<string, unknown> | null;
	if (!e || typeof e !== 'object' || typeof e.id !== 'string' || typeof e.seq !== 'number') return null;
	const value = 'record' in e ? e.record : e.target;
	let record: T | null = null;
	if (value !== null) {
		record = kind.read(value);
		if (!record || record.id !== e.id) return null;
	}
	const out: StoredEntry<T> = { id: e.id, seq: e.seq, record };
	if (typeof e.base === 'string') out.base = e.base;
	if (Array.isArray(e.history)) out.history = e.history.filter(isHistoryItem);
	return out;
}
