/**
 * The visible records = package records, overlaid with this browser's entries: an entry replaces a
 * package record (edited), hides it (tombstone, `target: null`), or adds an own record. Pure and
 * in memory; the store persists the entries. Generic over the kind of record (targets, derived
 * indicators); what a kind must say about its records is `RecordKind`.
 */
import type { StoredEntry } from './storage';

export type Origin = 'package' | 'edited' | 'local';
/** A change: per id the new entry, or undefined to drop the entry. */
export type Change<R> = Map<string, StoredEntry<R> | undefined>;

export interface RecordKind<R extends { id: string }> {
	/** A stored value checked field by field; null for what a crash or an older version left behind. */
	read(raw: unknown): R | null;
	/** A copy with fields in a fixed order, so equal records compare and serialise equally. */
	canonical(r: R): R;
	same(a: R, b: R): boolean;
}

export class Overlay<R extends { id: string }> {
	#kind: RecordKind<R>;
	#package = new Map<string, R>();
	#entries = new Map<string, StoredEntry<R>>();

	constructor(kind: RecordKind<R>, pkg: readonly R[], entries: readonly StoredEntry<R>[]) {
		this.#kind = kind;
		for (const r of pkg) this.#package.set(r.id, r);
		for (const e of entries) {
			// Skip what a crash or an older version may have left behind instead of failing the page.
			if (!e || typeof e.id !== 'string' || typeof e.seq !== 'number') continue;
			if (e.target === null) this.#entries.set(e.id, e);
			else {
				const record = kind.read(e.target);
				if (record && record.id === e.id) this.#entries.set(e.id, { ...e, target: record });
			}
		}
	}

	/** Package records in package order, then own records in order of creation. */
	list(): R[] {
		const out: R[] = [];
		for (const [id, r] of this.#package) {
			const e = this.#entries.get(id);
			if (!e) out.push(r);
			else if (e.target) out.push(e.target);
		}
		const own = [...this.#entries.values()].filter((e) => !this.#package.has(e.id) && e.target).sort((a, b) => a.seq - b.seq);
		return [...out, ...own.map((e) => e.target as R)].map((r) => this.#kind.canonical(r));
	}

	origin(id: string): Origin {
		return !this.#package.has(id) ? 'local' : this.#entries.has(id) ? 'edited' : 'package';
	}

	/** Every id in use, visible or not (a new id must avoid hidden package ids too). */
	taken(): Set<string> {
		return new Set([...this.#package.keys(), ...this.#entries.keys()]);
	}

	nextSeq(): number {
		return Math.max(0, ...[...this.#entries.values()].map((e) => e.seq)) + 1;
	}

	/** The entry that makes `r` visible; none for a package record back at its package content. */
	putEntry(r: R, seq?: number): StoredEntry<R> | undefined {
		const pkg = this.#package.get(r.id);
		if (pkg && this.#kind.same(pkg, r)) return undefined;
		return { id: r.id, seq: this.#entries.get(r.id)?.seq ?? seq ?? this.nextSeq(), target: this.#kind.canonical(r) };
	}

	/** A package record is hidden by a tombstone; an own record simply goes. */
	removeEntry(id: string): StoredEntry<R> | undefined {
		return this.#package.has(id) ? { id, seq: this.#entries.get(id)?.seq ?? 0, target: null } : undefined;
	}

	/** The entries a change would replace (its undo). */
	before(change: Change<R>): Change<R> {
		return new Map([...change.keys()].map((id) => [id, this.#entries.get(id)]));
	}

	apply(change: Change<R>): void {
		for (const [id, e] of change) {
			if (e) this.#entries.set(id, e);
			else this.#entries.delete(id);
		}
	}
}
