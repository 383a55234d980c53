/**
 * A measure (Maßnahme) as the app keeps it: the package's Measure, every field present. It names
 * the Feinziele it serves and the offers it relies on by id, so a target lists its measures and,
 * through them, its offers.
 */
import { isIsoDate } from '$lib/data/package/csv';
import { MEASURE_STATUSES, type Measure, type MeasureStatus } from '$lib/data/types';

export type MeasureRecord = Measure;
export type { MeasureStatus };
export { MEASURE_STATUSES };

export const MEASURE_FIELDS = ['id', 'name', 'target_ids', 'offer_ids', 'responsible', 'start', 'end', 'status', 'description'] as const satisfies readonly (keyof MeasureRecord)[];

export function canonicalMeasure(m: MeasureRecord): MeasureRecord {
	return {
		id: m.id,
		name: m.name,
		target_ids: [...m.target_ids],
		offer_ids: [...m.offer_ids],
		responsible: m.responsible,
		start: m.start ?? null,
		end: m.end ?? null,
		status: m.status,
		description: m.description ?? ''
	};
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const dateOrNull = (v: unknown) => v === null || (isStr(v) && isIsoDate(v));

export function readMeasureRecord(raw: unknown): MeasureRecord | null {
	const r = raw as Record<string, unknown> | null;
	if (!r || typeof r !== 'object') return null;
	for (const f of ['id', 'name', 'responsible', 'description'] as const) if (!isStr(r[f])) return null;
	if (!Array.isArray(r.target_ids) || !r.target_ids.every(isStr) || !Array.isArray(r.offer_ids) || !r.offer_ids.every(isStr)) return null;
	if (!dateOrNull(r.start) || !dateOrNull(r.end) || !(MEASURE_STATUSES as readonly unknown[]).includes(r.status)) return null;
	return canonicalMeasure(r as unknown as MeasureRecord);
}

export function newMeasureId(taken: ReadonlySet<string>, random: () => number = Math.random): string {
	for (;;) {
		const id = 'MN-' + Math.floor(random() * 36 ** 5).toString(36).toUpperCase().padStart(5, '0');
		if (!taken.has(id)) return id;
	}
}

/** Order on a slide and in lists: running first, then planned, suspended, completed; then by start. */
const ORDER: Record<MeasureStatus, number> = { running: 0, planned: 1, suspended: 2, completed: 3 };
export function byStatus(a: MeasureRecord, b: MeasureRecord): number {
	return ORDER[a.status] - ORDER[b.status] || (a.start ?? '9999').localeCompare(b.start ?? '9999') || a.name.localeCompare(b.name, 'de');
}

export function measuresFor(measures: readonly MeasureRecord[], targetId: string): MeasureRecord[] {
	return measures.filter((m) => m.target_ids.includes(targetId)).sort(byStatus);
}
