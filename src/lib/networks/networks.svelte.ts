/**
 * The local networks as page state, one per browser tab: the package's networks overlaid with
 * what the coordinator recorded here (shared record store: undo, conflicts with a new package
 * version), and the areas of every level they can belong to.
 */
import type { AreaCollection, AreaInfo, MonitorEngine } from '$lib/data/engine';
import type { AreaLevel } from '$lib/data/types';
import { planImport, resolveImport, type ConflictChoice, type ImportPlan, type ImportResult } from '$lib/store/import-plan';
import { openIdbStorage } from '$lib/store/idb-storage';
import { RecordStore } from '$lib/store/record-store';
import { StoreApp } from '$lib/store/store-app.svelte';
import { MemoryStorage, type EntryStorage } from '$lib/store/storage';
import { canonicalNetwork, networksFromPackage, newNetworkId, readNetworkRecord, type NetworkRecord } from './model';
import { decodeNetworks, networkFileTexts, networksZip } from './file-format';
import { validateNetwork, type NetworkContext, type NetworkIssue } from './validate';

export const NETWORK_LABELS = {
	create: 'networks.undo.create',
	update: 'networks.undo.update',
	remove: 'networks.undo.remove',
	removeAll: 'networks.undo.removeAll',
	import: 'networks.undo.import',
	resolve: 'inventory.undo.resolve',
	notFound: 'networks.err.notFound',
	invalid: 'networks.err.invalid'
} as const;

export function openNetworkStore(storage: EntryStorage<NetworkRecord>, pkg: readonly NetworkRecord[], ctx: NetworkContext) {
	return RecordStore.open<NetworkRecord, NetworkIssue>(storage, pkg, {
		canonical: canonicalNetwork,
		read: readNetworkRecord,
		newId: newNetworkId,
		validate: (n) => validateNetwork(n, ctx),
		labels: NETWORK_LABELS
	});
}

export class NetworksApp extends StoreApp<NetworkRecord, NetworkIssue> {
	areas = $state.raw<AreaInfo[]>([]);
	/** The package's levels, finest first (ids and labels). */
	levels = $state.raw<AreaLevel[]>([]);
	geometry = $state.raw<Record<string, AreaCollection>>({});
	context = $state.raw<NetworkContext>({ areas: [], levels: [] });

	protected async open(engine: MonitorEngine) {
		let storage: EntryStorage<NetworkRecord>;
		try {
			storage = await openIdbStorage<NetworkRecord>(`sozialraum-monitor.netzwerke.${engine.descriptor.name}`, 'networks');
		} catch {
			storage = new MemoryStorage<NetworkRecord>();
		}
		const [n, m, t] = await Promise.all([engine.networks(), engine.networkMembers(), engine.networkMeetings()]);
		return openNetworkStore(storage, networksFromPackage(n, m, t), this.context);
	}

	protected override async prepare(engine: MonitorEngine) {
		this.areas = await engine.areas();
		this.levels = engine.descriptor.sozialraum.levels;
		this.geometry = engine.geometry;
		this.context = { areas: this.areas, levels: this.levels.map((l) => l.id) };
	}

	areaName(key: string, level: string): string {
		return this.areas.find((a) => a.key === key && a.level === level)?.name ?? key;
	}

	/** Read files (a ZIP or the CSVs); throws NetworksFileError; changes nothing. */
	async prepareImport(files: { name: string; bytes: Uint8Array }[]): Promise<ImportPlan<NetworkRecord>> {
		const records = decodeNetworks(await networkFileTexts(files), this.context);
		return planImport(files.map((f) => f.name).join(', '), records, this.list, (a, b) => this.store.same(a, b));
	}

	async commitImport(plan: ImportPlan<NetworkRecord>, choices: Record<string, ConflictChoice>, by = ''): Promise<ImportResult> {
		const { put, result } = resolveImport(plan, this.list, choices, this.store.taken(), {
			same: (a, b) => this.store.same(a, b),
			newId: newNetworkId,
			copy: (n, id) => ({ ...n, id }),
			choiceMissing: 'networks.import.choiceMissing'
		});
		if (put.length) await this.putMany(put, { key: 'networks.undo.import', params: { file: plan.file, ...result } }, by);
		return result;
	}

	exportZip(): Promise<Uint8Array> {
		return networksZip(this.list);
	}
}

let app: NetworksApp | null = null;

export function networksApp(): NetworksApp {
	app ??= new NetworksApp();
	return app;
}
