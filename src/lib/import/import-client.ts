/**
 * The page's side of the import worker: requests in order, progress reported, cancel by
 * terminating the worker (synchronous parsing cannot be interrupted otherwise) and starting a new
 * one with the same files. Browser only.
 */
import type { Analysis } from './analysis';
import type { ImportConfig } from './config';
import type { InputFile } from './geo-read';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

export class CancelledError extends Error {}

export class ImportClient {
	#worker: Worker | null = null;
	#files = new Map<string, InputFile>();
	#next = 1;
	#pending: { id: number; resolve: (a: Analysis | null) => void; reject: (e: Error) => void; progress?: (phase: string, f: number) => void } | null = null;

	constructor(private readonly create: () => Worker) {}

	#ensure(): Worker {
		if (this.#worker) return this.#worker;
		const w = this.create();
		w.onmessage = (e: MessageEvent<WorkerResponse>) => this.#receive(e.data);
		w.onerror = (e) => {
			e.preventDefault();
			this.#pending?.reject(new Error(e.message || 'Der Import-Worker ist abgestürzt.'));
			this.#pending = null;
			this.#worker?.terminate();
			this.#worker = null;
		};
		this.#worker = w;
		// a fresh worker (after cancel) needs the files again; copies, the originals stay here
		if (this.#files.size) w.postMessage({ type: 'files', id: 0, files: [...this.#files.values()].map((f) => ({ name: f.name, bytes: f.bytes.slice() })) } satisfies WorkerRequest);
		return w;
	}

	#receive(msg: WorkerResponse) {
		const p = this.#pending;
		if (!p || msg.id !== p.id) return;
		if (msg.type === 'progress') p.progress?.(msg.phase, msg.fraction);
		else {
			this.#pending = null;
			if (msg.type === 'done') p.resolve(msg.analysis);
			else p.reject(new Error(msg.message));
		}
	}

	#chain: Promise<unknown> = Promise.resolve();

	/** Requests run one after another (a file upload must finish before the run that needs it). */
	#request(msg: WorkerRequest, progress?: (phase: string, f: number) => void): Promise<Analysis | null> {
		const p = this.#chain.then(() => this.#send(msg, progress));
		this.#chain = p.catch(() => null);
		return p;
	}

	#send(msg: WorkerRequest, progress?: (phase: string, f: number) => void): Promise<Analysis | null> {
		const w = this.#ensure();
		return new Promise((resolve, reject) => {
			this.#pending = { id: msg.id, resolve, reject, progress };
			w.postMessage(msg);
		});
	}

	async setFiles(add: InputFile[], remove: string[] = []): Promise<void> {
		for (const name of remove) this.#files.delete(name);
		for (const f of add) this.#files.set(f.name, f);
		await this.#request({ type: 'files', id: this.#next++, files: add.map((f) => ({ name: f.name, bytes: f.bytes.slice() })), remove });
	}

	async run(config: ImportConfig, build: boolean, progress?: (phase: string, f: number) => void): Promise<Analysis> {
		// $state proxies cannot be cloned into a worker: send plain JSON
		const plain = JSON.parse(JSON.stringify(config)) as ImportConfig;
		return (await this.#request({ type: 'run', id: this.#next++, config: plain, build }, progress))!;
	}

	/** Stop what runs now; the next request starts a new worker. */
	cancel() {
		this.#worker?.terminate();
		this.#worker = null;
		this.#pending?.reject(new CancelledError('Abgebrochen.'));
		this.#pending = null;
	}

	dispose() {
		this.cancel();
		this.#files.clear();
	}
}
