/**
 * State of the import wizard (runes): the files, the import config built step by step, the latest
 * analysis from the worker, and what is loaded. The page and the step components stay thin views.
 */
import type { Analysis } from '../analysis';
import type { CrosswalkConfig, ImportConfig, TableConfig } from '../config';
import { groupMapFiles, guessMap, levelsFromMaps, settleValidity, type WizardMap } from '../map-files';
import { sameAction, type MendAction } from '../mend';
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
		levels: [],
		tables: [],
		indicators: [],
		placeholders: {},
		// names are proposed and matched only when the user confirms each (issue #14)
		matchByName: false,
		nameMatches: {},
		mend: []
	};
}

export class ImportWizard {
	step = $state<Step>('files');
	files = $state<WizardFile[]>([]);
	config = $state<ImportConfig>(emptyConfig());
	/** The maps with the planner's level names and years; config.levels is derived from them. */
	maps = $state<WizardMap[]>([]);
	/** Per level id with versions: compute the crosswalk, none, or a table file name. */
	crosswalks = $state<Record<string, string>>({});
	/** Tables used as crosswalk, not as data (by file name). */
	get crosswalkFiles(): string[] {
		return Object.values(this.crosswalks).filter((v) => v !== 'compute' && v !== 'none');
	}
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
			if (kind === 'table' && !this.config.tables.some((t) => t.file === file.name)) this.config.tables.push({ file: file.name, indicator: file.name.replace(/\.[^.]+$/, '') });
		}
		this.#regroupMaps();
		await this.#client?.setFiles(added).catch(ignoreCancel);
		this.analysis = null;
	}

	async removeFile(name: string) {
		this.files = this.files.filter((f) => f.name !== name);
		this.config.tables = this.config.tables.filter((t) => t.file !== name);
		for (const [level, v] of Object.entries(this.crosswalks)) if (v === name) delete this.crosswalks[level];
		this.#regroupMaps();
		await this.#client?.setFiles([], [name]).catch(ignoreCancel);
		this.analysis = null;
	}

	/** Map files → maps: a Shapefile's parts are one map; settings of known maps are kept. */
	#regroupMaps() {
		const groups = groupMapFiles(this.files.filter((f) => f.kind === 'geometry').map((f) => f.name));
		const next: WizardMap[] = [];
		for (const files of groups) {
			const known = this.maps.find((m) => m.files[0] === files[0]);
			next.push(known ? { ...known, files } : guessMap(files, next));
		}
		settleValidity(next);
		this.maps = next;
	}

	/** The planner changed a map's level name or years. */
	setMap(index: number, patch: Partial<WizardMap>) {
		const maps = [...this.maps];
		maps[index] = { ...maps[index], ...patch };
		if ('level_de' in patch || 'valid_from' in patch) settleValidity(maps);
		this.maps = maps;
	}

	setCrosswalk(level: string, choice: string) {
		this.crosswalks = { ...this.crosswalks, [level]: choice };
	}

	/** config.levels from the maps, finest first (by the areas each map had when last read). */
	syncLevels() {
		const counts = this.maps.map((m) => this.analysis?.maps.find((s) => s.files[0] === m.files[0])?.featureCount);
		const crosswalks: Record<string, CrosswalkConfig[]> = {};
		for (const [level, v] of Object.entries(this.crosswalks)) crosswalks[level] = [v === 'compute' ? { compute: true } : v === 'none' ? { compute: false } : { file: v }];
		this.config.levels = levelsFromMaps(this.maps, counts, crosswalks);
		delete this.config.geometry;
	}

	/** The settings as the CLI reads them (the level list derived, crosswalk tables not read as data). */
	exportConfig(): ImportConfig {
		this.syncLevels();
		const plain = JSON.parse(JSON.stringify(this.config)) as ImportConfig;
		plain.tables = plain.tables.filter((t) => !this.crosswalkFiles.includes(t.file));
		return plain;
	}

	addMend(action: MendAction) {
		const list = this.config.mend ?? [];
		if (!list.some((a) => sameAction(a, action))) this.config.mend = [...list, action];
	}

	removeMend(index: number) {
		this.config.mend = (this.config.mend ?? []).filter((_, i) => i !== index);
	}

	/** One click for the obvious: each name that equals exactly one area's name (none in two parents). */
	confirmSameNames(): number {
		let n = 0;
		const next = { ...(this.config.nameMatches ?? {}) };
		for (const g of this.analysis?.join?.unmatchedTable ?? []) {
			const same = g.candidates.filter((c) => c.confidence === 1);
			if (g.name && same.length === 1 && !next[g.name]) {
				next[g.name] = same[0].key;
				n++;
			}
		}
		this.config.nameMatches = next;
		return n;
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

	async #run(build: boolean, again = true): Promise<Analysis | null> {
		if (!this.#client) return null;
		this.failure = '';
		this.syncLevels();
		const order = this.#levelOrder();
		this.busy = { phase: 'tables', fraction: 0 };
		try {
			// a table chosen as crosswalk is not read as data
			const skip = this.crosswalkFiles;
			const config = { ...this.config, tables: this.config.tables.filter((t) => !skip.includes(t.file)) };
			const a = await this.#client.run(config, build, (phase, fraction) => (this.busy = { phase, fraction }));
			this.analysis = a;
			this.#adoptSuggestions(a);
			// the first reading tells how many areas each map has, i.e. which level is finer: read again in that order
			this.syncLevels();
			if (again && this.#levelOrder() !== order) return this.#run(build, false);
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

	#levelOrder = () => (this.config.levels ?? []).map((l) => l.id).join('|');

	/** Suggestions become config the first time they are seen, so the user edits rather than starts empty. */
	#adoptSuggestions(a: Analysis) {
		for (const t of a.tables) {
			const c = this.table(t.file);
			if (c && !c.columns) c.columns = { ...t.suggested };
			if (c && c.columns?.indicator) delete c.indicator;
		}
		for (const m of this.maps) {
			const summary = a.maps.find((x) => x.files[0] === m.files[0]);
			if (!summary) continue;
			m.geometry.keyField ??= summary.suggested.keyField;
			m.geometry.nameField ??= summary.suggested.nameField;
		}
		// a level with versions gets a crosswalk computed from the polygons unless the user chose otherwise
		for (const l of a.levels) if (l.maps > 1 && !this.crosswalks[l.id]) this.crosswalks = { ...this.crosswalks, [l.id]: 'compute' };
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
