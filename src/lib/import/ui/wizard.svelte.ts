/**
 * State of the import wizard (runes): the files, the import config built step by step, the latest
 * analysis from the worker, and what is loaded. The page and the step components stay thin views.
 */
import type { Analysis } from '../analysis';
import type { ImportConfig, TableConfig } from '../config';
import { isGeometryFile } from '../geo-read';
import { isTableFile } from '../prepare-table';
import { CancelledError, ImportClient } from '../import-client';
import type { IndicatorMeta } from '../indicator-meta';

export const STEPS = ['files', 'options', 'mapping', 'join', 'indicators', 'check'] as const;
export type Step = (typeof STEPS)[number];

export interface WizardFile {
	name: string;
	size: number;
	kind: 'table' | 'geometry' | 'unknown';
}

/** A cancelled request is the user's choice, not an error (the files are re-sent to the next worker). */
const ignoreCancel = (e: unknown) => {
	if (!(e instanceof CancelledError)) throw e;
};

const today = () => new Date().toISOString().slice(0, 10);

export function emptyConfig(): ImportConfig {
	return {
		package: { name: 'meinestadt', title: '', territory_de: '', datenstand: today(), sources: [''], license: 'DL-DE-BY-2.0', minNumerator: 3, minDenominator: 0 },
		geometry: { files: [], keyWidth: 'auto' },
		tables: [],
		indicators: [],
		placeholders: {},
		matchByName: true,
		nameMatches: {}
	};
}

export class ImportWizard {
	step = $state<Step>('files');
	files = $state<WizardFile[]>([]);
	config = $state<ImportConfig>(emptyConfig());
	/** Replaced as a whole, never mutated: raw, so its bytes go to IndexedDB and the worker as they are. */
	analysis = $state.raw<Analysis | null>(null);
	busy = $state<{ phase: string; fraction: number } | null>(null);
	/** A German message when the last run failed as a whole (not a data problem). */
	failure = $state('');
	/** Result of the last load into the app. */
	loaded = $state<{ ok: boolean; stored: boolean; message: string } | null>(null);

	#client: ImportClient | null = null;

	attach(client: ImportClient) {
		this.#client = client;
	}

	dispose() {
		this.#client?.dispose();
	}

	get tables(): WizardFile[] {
		return this.files.filter((f) => f.kind === 'table');
	}

	async addFiles(list: FileList | File[]) {
		const added: { name: string; bytes: Uint8Array }[] = [];
		for (const file of Array.from(list)) {
			const kind: WizardFile['kind'] = isTableFile(file.name) ? 'table' : isGeometryFile(file.name) ? 'geometry' : 'unknown';
			added.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
			this.files = [...this.files.filter((f) => f.name !== file.name), { name: file.name, size: file.size, kind }];
			if (kind === 'geometry' && !this.config.geometry!.files.includes(file.name)) this.config.geometry!.files.push(file.name);
			if (kind === 'table' && !this.config.tables.some((t) => t.file === file.name)) this.config.tables.push({ file: file.name, indicator: file.name.replace(/\.[^.]+$/, '') });
		}
		await this.#client?.setFiles(added).catch(ignoreCancel);
		this.analysis = null;
	}

	async removeFile(name: string) {
		this.files = this.files.filter((f) => f.name !== name);
		this.config.geometry!.files = this.config.geometry!.files.filter((f) => f !== name);
		this.config.tables = this.config.tables.filter((t) => t.file !== name);
		await this.#client?.setFiles([], [name]).catch(ignoreCancel);
		this.analysis = null;
	}

	table(file: string): TableConfig | undefined {
		return this.config.tables.find((t) => t.file === file);
	}

	#queue: Promise<unknown> = Promise.resolve();

	/**
	 * Run the pipeline in the worker with the current config (build = also write the package).
	 * Runs queue up rather than cancel each other: a field's change event fires on blur, i.e. just
	 * as the user clicks "Weiter", and both must happen.
	 */
	run(build = false): Promise<Analysis | null> {
		const next = this.#queue.then(() => this.#run(build));
		this.#queue = next.catch(() => null);
		return next;
	}

	async #run(build: boolean): Promise<Analysis | null> {
		if (!this.#client) return null;
		this.failure = '';
		this.busy = { phase: 'tables', fraction: 0 };
		try {
			const a = await this.#client.run(this.config, build, (phase, fraction) => (this.busy = { phase, fraction }));
			this.analysis = a;
			this.#adoptSuggestions(a);
			return a;
		} catch (e) {
			if (!(e instanceof CancelledError)) this.failure = (e as Error).message;
			return null;
		} finally {
			this.busy = null;
		}
	}

	cancel() {
		this.#client?.cancel();
	}

	/** Suggestions become config the first time they are seen, so the user edits rather than starts empty. */
	#adoptSuggestions(a: Analysis) {
		for (const t of a.tables) {
			const c = this.table(t.file);
			if (c && !c.columns) c.columns = { ...t.suggested };
			if (c && c.columns?.indicator) delete c.indicator;
		}
		const g = a.geometry;
		if (g) {
			this.config.geometry!.keyField ??= g.suggested.keyField;
			this.config.geometry!.nameField ??= g.suggested.nameField;
		}
	}

	/** Indicator metadata: what the user set, else the analysis' defaults (then kept in the config). */
	adoptIndicators() {
		for (const m of this.analysis?.indicators ?? []) {
			if (!this.config.indicators.some((c) => c.id === m.id)) this.config.indicators.push({ ...m } as IndicatorMeta);
		}
	}

	setPlaceholder(symbol: string, action: string | null) {
		const next = { ...(this.config.placeholders ?? {}) };
		if (action) next[symbol] = action as NonNullable<ImportConfig['placeholders']>[string];
		else delete next[symbol];
		this.config.placeholders = next;
	}

	confirmName(tableName: string, key: string | null) {
		const next = { ...(this.config.nameMatches ?? {}) };
		if (key) next[tableName] = key;
		else delete next[tableName];
		this.config.nameMatches = next;
	}
}
