/**
 * The measures as page state, one per browser tab: the package's measures overlaid with what was
 * recorded here (shared record store). Which Feinziele and offers exist is read from the targets
 * and the inventory of this tab, so a measure may serve a target drafted here and rely on an offer
 * recorded here.
 */
import type { MonitorEngine } from '$lib/data/engine';
import { inventoryApp } from '$lib/inventory/inventory.svelte';
import { planImport, resolveImport, type ConflictChoice, type ImportPlan, type ImportResult } from '$lib/store/import-plan';
import { openIdbStorage } from '$lib/store/idb-storage';
import { RecordStore } from '$lib/store/record-store';
import { StoreApp } from '$lib/store/store-app.svelte';
import { MemoryStorage, type EntryStorage } from '$lib/store/storage';
import { targetsApp } from '$lib/targets/targets.svelte';
import { decodeMeasures, measuresCsv } from './file-format';
import { canonicalMeasure, measuresFor, newMeasureId, readMeasureRecord, type MeasureRecord } from './model';
import { validateMeasure, type MeasureContext, type MeasureIssue } from './validate';

export const MEASURE_LABELS = {
	create: 'measures.undo.create',
	update: 'measures.undo.update',
	remove: 'measures.undo.remove',
	removeAll: 'measures.undo.removeAll',
	import: 'measures.undo.import',
	resolve: 'inventory.undo.resolve',
	notFound: 'measures.err.notFound',
	invalid: 'measures.err.invalid'
} as const;

export function openMeasureStore(storage: EntryStorage<MeasureRecord>, pkg: readonly MeasureRecord[], ctx: MeasureContext) {
	return RecordStore.open<MeasureRecord, MeasureIssue>(storage, pkg.map(canonicalMeasure), {
		canonical: canonicalMeasure,
		read: readMeasureRecord,
		newId: newMeasureId,
		validate: (m) => validateMeasure(m, ctx),
		labels: MEASURE_LABELS
	});
}

export class MeasuresApp extends StoreApp<MeasureRecord, MeasureIssue> {
	targets = targetsApp();
	inventory = inventoryApp();
	context: MeasureContext = {
		targetIds: () => new Set(this.targets.list.map((t) => t.id)),
		offerIds: () => new Set(this.inventory.list.map((o) => o.id))
	};

	protected override async prepare() {
		// measures refer to both: they must be known before a measure can be checked
		await Promise.all([this.targets.start(), this.inventory.start()]);
	}

	protected async open(engine: MonitorEngine) {
		let storage: EntryStorage<MeasureRecord>;
		try {
			storage = await openIdbStorage<MeasureRecord>(`sozialraum-monitor.massnahmen.${engine.descriptor.name}`, 'measures');
		} catch {
			storage = new MemoryStorage<MeasureRecord>();
		}
		return openMeasureStore(storage, await engine.measures(), this.context);
	}

	forTarget(id: string): MeasureRecord[] {
		return measuresFor(this.list, id);
	}

	prepareImport(files: { name: string; bytes: Uint8Array }[]): Promise<ImportPlan<MeasureRecord>> {
		const [f] = files;
		const records = decodeMeasures(f.name, f.bytes, this.context);
		return Promise.resolve(planImport(f.name, records, this.list, (a, b) => this.store.same(a, b)));
	}

	async commitImport(plan: ImportPlan<MeasureRecord>, choices: Record<string, ConflictChoice>, by = ''): Promise<ImportResult> {
		const { put, result } = resolveImport(plan, this.list, choices, this.store.taken(), {
			same: (a, b) => this.store.same(a, b),
			newId: newMeasureId,
			copy: (m, id) => ({ ...m, id }),
			choiceMissing: 'measures.import.choiceMissing'
		});
		if (put.length) await this.putMany(put, { key: 'measures.undo.import', params: { file: plan.file, ...result } }, by);
		return result;
	}

	exportCsv(): string {
		return measuresCsv(this.list);
	}
}

let app: MeasuresApp | null = null;

export function measuresApp(): MeasuresApp {
	app ??= new MeasuresApp();
	return app;
}
