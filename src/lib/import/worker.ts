/**
 * The import runs here, off the page's thread: reading a 50 MB CSV, joining and validating take
 * seconds, and the page must keep responding (progress bar, cancel button). The page sends the
 * files once and then a config per step; cancelling terminates the whole worker (the only way to
 * stop synchronous parsing at once) and the page starts a fresh one.
 */
import type { ImportConfig } from './config';
import type { InputFile } from './geo-read';
import { runImport } from './pipeline';
import type { PreparedTable } from './prepare-table';
import { summarise } from './analysis';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

const files = new Map<string, InputFile>();
const cache = new Map<string, PreparedTable>();
const post = (msg: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(msg, transfer);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const msg = event.data;
	try {
		if (msg.type === 'files') {
			for (const name of msg.remove ?? []) files.delete(name);
			for (const f of msg.files ?? []) files.set(f.name, f);
			cache.clear();
			post({ type: 'done', id: msg.id, analysis: null });
			return;
		}
		let last = 0;
		const result = await runImport(msg.config as ImportConfig, [...files.values()], (phase, fraction) => {
			const now = Date.now();
			if (now - last < 100 && fraction < 1) return; // enough for a progress bar
			last = now;
			post({ type: 'progress', id: msg.id, phase, fraction });
		}, { build: msg.build, cache });
		const analysis = summarise(result);
		post({ type: 'done', id: msg.id, analysis }, analysis.files ? Object.values(analysis.files).map((b) => b.buffer as ArrayBuffer) : []);
	} catch (e) {
		post({ type: 'failed', id: msg.id, message: (e as Error).message || String(e) });
	}
};
