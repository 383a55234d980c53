/**
 * Code that runs inside the page (installed with addInitScript before any page script, so the app's
 * CSP does not apply to it). It timestamps, with performance.now() (milliseconds since navigation
 * start), the moments the benchmark reports:
 *
 * - `atlas`: the atlas element appears (engine loaded, catalogue queried: the engine is ready);
 * - `applied`: the map element's `data-applied` first carries a signature (styles set on the map);
 * - `mapIdle`: MapLibre's next `idle` after that (the frame with the colours is drawn);
 * - `firstMap`: the next animation frame after `mapIdle` (that frame is on screen);
 * - `firstView`: a prerendered first view (the app's `map-preview` SVG, or the benchmark's
 *   prototype with `data-bench-first-view`) is in the DOM
 *   (`firstViewFrame`: two animation frames later: the first paints it, the second starts after).
 *
 * Everything in here must be self-contained: Playwright serialises the functions.
 */

export interface BenchMarks {
	atlas?: number;
	applied?: number;
	mapIdle?: number;
	firstMap?: number;
	firstView?: number;
	firstViewFrame?: number;
	mouseDown?: number;
	/** Last DOM change (any page): for "usable" = settled pages. */
	lastMutation?: number;
}

interface MapLike {
	once(event: string, f: () => void): void;
	triggerRepaint(): void;
}

type BenchWindow = Window & { __bench: BenchMarks; __sozialraumMap?: MapLike };

export function installProbe(): void {
	const w = window as unknown as BenchWindow;
	const marks: BenchMarks = (w.__bench = {});
	const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
	let mapEl: Element | null = null;

	const onApplied = (value: string | null) => {
		if (!value || marks.applied !== undefined) return;
		marks.applied = performance.now();
		const map = w.__sozialraumMap;
		if (!map) {
			// the SVG fallback (no WebGL): its fills are written with data-applied; shown a frame later
			if (mapEl?.querySelector('svg')) frame().then(frame).then((t) => (marks.mapIdle = marks.firstMap = t));
			return;
		}
		map.once('idle', async () => {
			marks.mapIdle = performance.now();
			marks.firstMap = await frame();
		});
		map.triggerRepaint();
	};
	const attrObserver = new MutationObserver(() => onApplied(mapEl?.getAttribute('data-applied') ?? null));
	// Watch the DOM only until the elements of interest exist (a 20,000-row table would flood it).
	const domObserver = new MutationObserver(() => {
		if (marks.atlas === undefined && document.querySelector('[data-testid=atlas]')) marks.atlas = performance.now();
		// A prerendered first view: the app's own preview, or the benchmark's prototype.
		if (marks.firstView === undefined && document.querySelector('[data-bench-first-view], [data-testid=map-preview] svg path')) {
			marks.firstView = performance.now();
			frame().then(frame).then((t) => (marks.firstViewFrame = t));
		}
		// Without WebGL the map component first renders its MapLibre container (data-applied="")
		// and then replaces it with the SVG fallback's element: follow the element that is in the
		// document, or the first map is never marked (the bench's SVG runs timed out on this).
		if (!mapEl || !mapEl.isConnected) {
			attrObserver.disconnect();
			mapEl = document.querySelector('[data-applied]');
			if (mapEl) {
				attrObserver.observe(mapEl, { attributes: true, attributeFilter: ['data-applied'] });
				onApplied(mapEl.getAttribute('data-applied'));
			}
		}
		if (marks.atlas !== undefined && marks.applied !== undefined) domObserver.disconnect();
	});
	domObserver.observe(document, { childList: true, subtree: true });
	addEventListener('mousedown', (e) => (marks.mouseDown = e.timeStamp), { capture: true });
	new MutationObserver(() => (marks.lastMutation = performance.now())).observe(document, {
		childList: true,
		subtree: true,
		attributes: true,
		characterData: true
	});
}

export interface Settled {
	/** Navigation start → last DOM change before the page went quiet with nothing loading. */
	usable: number;
	error: string | null;
}

/**
 * Wait until the page shows no loading state (no "… geladen …" status, no `engine-loading`, no
 * preview, nothing `aria-busy` or `data-ready="false"`, every map has applied its styles) and the
 * DOM has not changed for `quietMs`. A generic "usable" for pages without a specific signal; an
 * alert (role=alert) counts as an error.
 */
export function waitSettled(args: { quietMs: number; timeoutMs: number }): Promise<Settled> {
	const w = window as unknown as BenchWindow;
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const poll = () => {
			const now = performance.now();
			// Quiet is not enough: while the engine loads, the DOM does not change either.
			const statusLoading = [...document.querySelectorAll('main [role=status]')].some((e) => /geladen|Loading|lädt/i.test(e.textContent ?? ''));
			const mapPending = [...document.querySelectorAll('[data-applied]')].some((e) => !e.getAttribute('data-applied'));
			const loading =
				statusLoading ||
				mapPending ||
				document.querySelector('[data-testid=engine-loading], [data-testid=map-preview]') !== null ||
				document.querySelector('main [aria-busy="true"]') !== null ||
				document.querySelector('[data-ready="false"]') !== null;
			const alert = document.querySelector('main [role=alert]');
			const last = w.__bench.lastMutation ?? 0;
			if (alert && now - last > args.quietMs) return resolve({ usable: last, error: alert.textContent?.trim().slice(0, 200) ?? 'error' });
			if (!loading && document.querySelector('main') && now - last > args.quietMs) return resolve({ usable: last, error: null });
			if (now - started > args.timeoutMs) return reject(new Error(`page did not settle within ${args.timeoutMs} ms`));
			setTimeout(poll, 100);
		};
		poll();
	});
}

export interface ChangeTiming {
	/** input → map element reports the new styles (data-applied): paint properties set / SVG attributes written. */
	applied: number;
	/**
	 * Of that, waiting for the data (the app's `atlas:data` measure: engine round trip, or the
	 * precomputed file; ≈ 0 when the values were already on the main thread). applied − data = the
	 * app's own main-thread work.
	 */
	data: number;
	/** input → MapLibre idle after that (the frame with the new colours is drawn). */
	drawn: number;
	/** input → next animation frame (the drawn frame is on screen). */
	frame: number;
	/**
	 * input → the end of the rendering update of the frame that drew the new colours: a
	 * user-blocking task posted from that frame's animation frame callback runs right after its
	 * style, layout, paint and commit, ahead of the app's after-paint work (URL, table), which
	 * `frame` also waits for because the next animation frame comes only after it.
	 */
	painted: number;
}

/**
 * Change a <select> like a user and time until the map shows it. `expect` is the start of the
 * data-applied signature that must appear ("indicator|" or "indicator|year|").
 */
export function changeAndWait(args: { selector: string; value: string; expect: string; timeoutMs: number }): Promise<ChangeTiming> {
	// self-contained (serialised by Playwright): see ChangeTiming.painted
	const afterRendering = (run: () => void) => {
		const scheduler = (globalThis as { scheduler?: { postTask(f: () => void, o: { priority: string }): unknown } }).scheduler;
		if (scheduler) scheduler.postTask(run, { priority: 'user-blocking' });
		else {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => run();
			channel.port2.postMessage(null);
		}
	};
	const w = window as unknown as BenchWindow;
	const el = document.querySelector(args.selector) as HTMLSelectElement | null;
	const mapEl = document.querySelector('[data-applied]');
	const map = w.__sozialraumMap;
	if (!el || !mapEl || !map) return Promise.reject(new Error(`no ${args.selector}, map element or map`));
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`map did not show ${args.expect} within ${args.timeoutMs} ms`)), args.timeoutMs);
		let t0 = 0;
		const observer = new MutationObserver(() => {
			if (!(mapEl.getAttribute('data-applied') ?? '').startsWith(args.expect)) return;
			observer.disconnect();
			const applied = performance.now() - t0;
			const data = performance
				.getEntriesByName('atlas:data')
				.filter((e) => e.startTime >= t0 - 1)
				.reduce((s, e) => s + e.duration, 0);
			map.once('idle', () => {
				// MapLibre fires idle at the end of the animation frame callback that drew the map
				const drawn = performance.now() - t0;
				let painted = 0;
				afterRendering(() => (painted = performance.now() - t0));
				requestAnimationFrame(() => {
					clearTimeout(timer);
					resolve({ applied, data, drawn, frame: performance.now() - t0, painted: painted || performance.now() - t0 });
				});
			});
			map.triggerRepaint();
		});
		observer.observe(mapEl, { attributes: true, attributeFilter: ['data-applied'] });
		t0 = performance.now();
		el.value = args.value;
		el.dispatchEvent(new Event('change', { bubbles: true }));
	});
}

export interface SelectTiming {
	key: string;
	/** mousedown → the trend chart shows the selected area with its lines (DOM updated). */
	ready: number;
	/** mousedown → the animation frame after the one that painted it. */
	frame: number;
}

/**
 * After a click on the map: wait until the URL names a new area and the trend chart shows that
 * area's name and drawn lines. Polled once per animation frame.
 */
export function waitForTrend(args: { previous: string | null; timeoutMs: number }): Promise<SelectTiming> {
	const w = window as unknown as BenchWindow;
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const poll = () => {
			const down = w.__bench.mouseDown;
			const key = new URLSearchParams(location.search).get('sozialraum');
			if (down !== undefined && key && key !== args.previous) {
				const name = document.querySelector(`tr[data-key="${key}"] button`)?.textContent?.trim() ?? '';
				const caption = document.querySelector('[data-testid=trend-chart] figcaption')?.textContent ?? '';
				const lines = [...document.querySelectorAll('[data-testid=trend-chart] path.line')].map((p) => (p.getAttribute('d') ?? '').length);
				if (name && caption.includes(name) && lines.length > 0 && lines.every((n) => n > 20)) {
					const ready = performance.now() - down;
					// This frame paints the chart; the next one starts after it was shown.
					requestAnimationFrame(() => resolve({ key, ready, frame: performance.now() - down }));
					return;
				}
			}
			if (performance.now() - started > args.timeoutMs) reject(new Error('trend chart not drawn in time'));
			else requestAnimationFrame(poll);
		};
		requestAnimationFrame(poll);
	});
}

/** Navigation start → the first animation frame in which `selector` matches, and the next frame. */
export function waitForSelectorFrame(args: { selector: string; timeoutMs: number }): Promise<{ ready: number; frame: number }> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const poll = () => {
			if (document.querySelector(args.selector)) {
				const ready = performance.now();
				requestAnimationFrame(() => resolve({ ready, frame: performance.now() }));
				return;
			}
			if (performance.now() - started > args.timeoutMs) reject(new Error(`${args.selector} not shown within ${args.timeoutMs} ms`));
			else requestAnimationFrame(poll);
		};
		requestAnimationFrame(poll);
	});
}

/**
 * The same change on the SVG map (the app's fallback without WebGL, so nothing is drawn by
 * SwiftShader): input → the SVG's fills are written (data-applied in the same Svelte update) →
 * next animation frame (style, layout and paint of the SVG done by the browser's CPU renderer).
 */
export function changeAndWaitSvg(args: { selector: string; value: string; expect: string; timeoutMs: number }): Promise<ChangeTiming> {
	// self-contained (serialised by Playwright): see ChangeTiming.painted
	const afterRendering = (run: () => void) => {
		const scheduler = (globalThis as { scheduler?: { postTask(f: () => void, o: { priority: string }): unknown } }).scheduler;
		if (scheduler) scheduler.postTask(run, { priority: 'user-blocking' });
		else {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => run();
			channel.port2.postMessage(null);
		}
	};
	const el = document.querySelector(args.selector) as HTMLSelectElement | null;
	const mapEl = document.querySelector('[data-applied]');
	if (!el || !mapEl || !mapEl.querySelector('svg')) return Promise.reject(new Error(`no ${args.selector} or SVG map`));
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`SVG map did not show ${args.expect} within ${args.timeoutMs} ms`)), args.timeoutMs);
		let t0 = 0;
		const observer = new MutationObserver(() => {
			if (!(mapEl.getAttribute('data-applied') ?? '').startsWith(args.expect)) return;
			observer.disconnect();
			const applied = performance.now() - t0;
			const data = performance
				.getEntriesByName('atlas:data')
				.filter((e) => e.startTime >= t0 - 1)
				.reduce((s, e) => s + e.duration, 0);
			requestAnimationFrame(() => {
				const drawn = performance.now() - t0;
				let painted = 0;
				afterRendering(() => (painted = performance.now() - t0));
				// the frame after: the one that painted the new fills has been shown
				requestAnimationFrame(() => {
					clearTimeout(timer);
					resolve({ applied, data, drawn, frame: performance.now() - t0, painted: painted || performance.now() - t0 });
				});
			});
		});
		observer.observe(mapEl, { attributes: true, attributeFilter: ['data-applied'] });
		t0 = performance.now();
		el.value = args.value;
		el.dispatchEvent(new Event('change', { bubbles: true }));
	});
}
