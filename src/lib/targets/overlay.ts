/**
 * The visible targets = package targets, overlaid with this browser's entries: an entry replaces a
 * package target (edited), hides it (tombstone, `target: null`), or adds an own target. Pure and
 * in memory; the store persists the entries.
 */
import type { Target } from '$lib/data/types';
import { canonical, fromPackage, sameTarget, type TargetRecord } from './model';
import type { StoredEntry } from './storage';
import { readJsonRecord } from './json-record';

export type Origin = 'package' | 'edited' | 'local';
/** A change: per id the new entry, or undefined to drop the entry. */
export type Change = Map<string, StoredEntry | undefined>;

export class Overlay {
	#package = new Map<string, TargetRecord>();
	#entries = new Map<string, StoredEntry>();

	constructor(pkg: readonly Target[], entries: readonly StoredEntry[]) {
		for (const t of pkg) this.#package.set(t.id, fromPackage(t));
		for (const e of entries) {
			// Skip what a crash or an older version may have left behind instead of failing the page.
			if (!e || typeof e.id !== 'string' || typeof e.seq !== 'number') continue;
			if (e.target === null) this.#entries.set(e.id, e);
			else {
				const read = readJsonRecord(e.target);
				if ('record' in read && read.record.id === e.id) this.#entries.set(e.id, { ...e, target: read.record });
			}
		}
	}

	/** Package targets in package order, then own targets in order of creation. */
	list(): TargetRecord[] {
		const out: TargetRecord[] = [];
		for (const [id, t] of this.#package) {
			const e = this.#entries.get(id);
			if (!e) out.push(t);
			else if (e.target) out.push(e.target);
		}
		const own = [...this.#entries.values()].filter((e) => !this.#package.has(e.id) && e.target).sort((a, b) => a.seq - b.seq);
		return [...out, ...own.map((e) => e.target as TargetRecord)].map(canonical);
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

	/** The entry that makes `t` visible; none for a package target back at its package content. */
	putEntry(t: TargetRecord, seq?: number): StoredEntry | undefined {
		const pkg = this.#package.get(t.id);
		if (pkg && sameTarget(pkg, t)) return undefined;
		return { id: t.id, seq: this.#entries.get(t.id)?.seq ?? seq ?? this.nextSeq(), target: canonical(t) };
	}

	/** A package target is hidden by a tombstone; an own target simply goes. */
	removeEntry(id: string): StoredEntry | undefined {
		return this.#package.has(id) ? { id, seq: this.#entries.get(id)?.seq ?? 0, target: null } : undefined;
	}

	/** The entries a change would replace (its undo). */
	before(change: Change): Change {
		return new Map([...change.keys()].map((id) => [id, this.#entries.get(id)]));
	}

	apply(change: Change): void {
		for (const [id, e] of change) {
			if (e) this.#entries.set(id, e);
			else this.#entries.delete(id);
		}
	}
}
