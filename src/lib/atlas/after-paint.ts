/**
 * Work that must not hold up the next frame: run it once the browser has painted. A task queued
 * from inside a requestAnimationFrame callback starts only after that frame's style, layout and
 * paint (HTML "update the rendering": animation frame callbacks run first, then the frame is
 * rendered, then the event loop takes the next task). MapLibre draws in its own animation frame
 * callback, so that frame already shows the new colours when the work starts.
 * rAF does not fire in a hidden tab: a timer runs the work anyway after `fallbackMs`.
 */
export interface FrameClock {
	requestAnimationFrame(run: () => void): unknown;
	setTimeout(run: () => void, ms: number): unknown;
	clearTimeout(id: unknown): void;
}

const browserClock: FrameClock = {
	requestAnimationFrame: (run) => requestAnimationFrame(() => run()),
	setTimeout: (run, ms) => setTimeout(run, ms),
	clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>)
};

/** Runs `run` once after the next painted frame (or after `fallbackMs`); returns a cancel function. */
export function afterPaint(run: () => void, clock: FrameClock = browserClock, fallbackMs = 200): () => void {
	let done = false;
	const once = () => {
		if (done) return;
		done = true;
		clock.clearTimeout(fallback);
		run();
	};
	const fallback = clock.setTimeout(once, fallbackMs);
	clock.requestAnimationFrame(() => {
		if (!done) clock.setTimeout(once, 0);
	});
	return () => {
		done = true;
		clock.clearTimeout(fallback);
	};
}

/**
 * The latest of a series of jobs, run after the next paint. A job replaced before it ran is
 * dropped (two changes within one frame write the URL once, as SvelteKit does when a second
 * navigation overtakes the first); `flush()` runs the waiting job now, `cancel()` drops it.
 */
export class LatestAfterPaint {
	#job: (() => void) | null = null;
	#cancel: (() => void) | null = null;
	readonly #clock: FrameClock;
	readonly #fallbackMs: number;

	constructor(clock: FrameClock = browserClock, fallbackMs = 200) {
		this.#clock = clock;
		this.#fallbackMs = fallbackMs;
	}

	get pending(): boolean {
		return this.#job !== null;
	}

	schedule(job: () => void): void {
		this.#job = job;
		this.#cancel ??= afterPaint(() => this.flush(), this.#clock, this.#fallbackMs);
	}

	flush(): void {
		const job = this.#job;
		this.cancel();
		job?.();
	}

	cancel(): void {
		this.#cancel?.();
		this.#cancel = null;
		this.#job = null;
	}
}
