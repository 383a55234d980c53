/**
 * Holds back the engine's start while a page can draw its first view without it. DuckDB-wasm's
 * start (a 30 MB wasm fetched and compiled, a worker, the package's small tables) competes with
 * MapLibre and SwiftShader for the machine's cores; when the build's precomputed files answer the
 * atlas' first view, the engine is better started right after the first map frame
 * (docs/performance.md, "First interactive map without the engine").
 *
 * A hold is released once (calling its release again does nothing); the gate opens when no hold is
 * left. Every hold ends at the latest after `maxMs`, so a view that never draws (an error, a hidden
 * tab, a page left early) cannot keep the engine away for long.
 */
export interface GateClock {
	setTimeout(run: () => void, ms: number): unknown;
	clearTimeout(id: unknown): void;
}

const timers: GateClock = {
	setTimeout: (run, ms) => setTimeout(run, ms),
	clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>)
};

export class EngineGate {
	#holds = 0;
	#open: (() => void) | null = null;
	#opened: Promise<void> = Promise.resolve();
	readonly #clock: GateClock;

	constructor(clock: GateClock = timers) {
		this.#clock = clock;
	}

	/** True while some hold is active. */
	get held(): boolean {
		return this.#holds > 0;
	}

	/** Resolves when no hold is active (at once when none is). */
	opened(): Promise<void> {
		return this.#opened;
	}

	/** Hold the gate until the returned function is called, or `maxMs` passed. */
	hold(maxMs: number): () => void {
		if (this.#holds === 0) this.#opened = new Promise((resolve) => (this.#open = resolve));
		this.#holds++;
		let done = false;
		const release = () => {
			if (done) return;
			done = true;
			this.#clock.clearTimeout(timer);
			if (--this.#holds === 0) {
				this.#open?.();
				this.#open = null;
			}
		};
		const timer = this.#clock.setTimeout(release, maxMs);
		return release;
	}
}
