/**
 * Scroll an element into view and keep it there while the layout above it still settles. A
 * permalink to a section (`/ziele/ziel/?…&ansicht=massnahmen`) is opened before the chart above
 * the section has its data; one scrollIntoView at that moment leaves the section pushed down
 * once the chart draws. So: scroll, and scroll again whenever the page's size changes, until it
 * has been quiet for a moment, a time limit has passed, or the reader scrolls or types (their
 * intent wins). The environment is injected, so the timing is tested without a browser.
 */
export interface SettleEnv {
	/** Calls back on every layout size change; returns the stop function. */
	observe(onChange: () => void): () => void;
	/** Calls back on the reader's own input (wheel, key, pointer, touch); returns the stop function. */
	onInput(onInput: () => void): () => void;
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

export interface SettleOptions {
	/** Stop after this long without a layout change (ms). */
	quietMs?: number;
	/** Stop after this long in any case (ms). */
	maxMs?: number;
}

/** Scrolls now and while the layout changes; returns a function that stops early. */
export function keepInViewWhileSettling(scroll: () => void, env: SettleEnv, o: SettleOptions = {}): () => void {
	const quietMs = o.quietMs ?? 600;
	const maxMs = o.maxMs ?? 8000;
	let done = false;
	let quiet: unknown = null;
	const stopObserving = env.observe(() => {
		if (done) return;
		scroll();
		rearm();
	});
	const stopInput = env.onInput(() => stop());
	const limit = env.setTimeout(() => stop(), maxMs);
	function rearm() {
		if (quiet !== null) env.clearTimeout(quiet);
		quiet = env.setTimeout(() => stop(), quietMs);
	}
	function stop() {
		if (done) return;
		done = true;
		stopObserving();
		stopInput();
		if (quiet !== null) env.clearTimeout(quiet);
		env.clearTimeout(limit);
	}
	scroll();
	rearm();
	return stop;
}

const INPUT_EVENTS = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

/** The browser's environment: the document's size (ResizeObserver) and the reader's input. */
export function browserSettleEnv(root: Element = document.documentElement): SettleEnv {
	return {
		observe(onChange) {
			let first = true;
			const ro = new ResizeObserver(() => {
				// the observer reports the current size once on observe(): not a change
				if (first) return void (first = false);
				onChange();
			});
			ro.observe(root);
			return () => ro.disconnect();
		},
		onInput(onInput) {
			for (const e of INPUT_EVENTS) window.addEventListener(e, onInput, { passive: true, capture: true });
			return () => {
				for (const e of INPUT_EVENTS) window.removeEventListener(e, onInput, { capture: true });
			};
		},
		setTimeout: (fn, ms) => window.setTimeout(fn, ms),
		clearTimeout: (h) => window.clearTimeout(h as number)
	};
}

/** Scroll `el` to the top of the view once, and keep it there while the page settles. */
export function scrollIntoViewSettled(el: Element, o: SettleOptions = {}): () => void {
	return keepInViewWhileSettling(() => el.scrollIntoView({ block: 'start' }), browserSettleEnv(), o);
}
