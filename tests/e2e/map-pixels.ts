/**
 * Reading what the map really drew: project a lon/lat with the live MapLibre map, copy the WebGL
 * canvas (preserveDrawingBuffer) into a 2D canvas and read the pixels around that point.
 */
import type { Page } from 'playwright-core';

/**
 * Wait until the map has applied the styles for the page's current URL state, then until it is idle.
 * `expect` is "indicator|year|mode|method|k|fixed|level|breaks" as the app writes into data-applied.
 */
export async function waitForMapState(page: Page, expect: { indicator: string; year: number; mode?: string; method?: string; k?: number; fixed?: boolean; level?: number }): Promise<void> {
	const sig = [expect.indicator, expect.year, expect.mode ?? 'values', expect.method ?? 'quantile', expect.k ?? 5, expect.fixed ? 1 : 0, expect.level ?? 0.95, ''].join('|');
	await page.waitForSelector(`[data-applied="${sig}"]`, { timeout: 30_000 });
	await waitForMapIdle(page);
}

export async function waitForMapIdle(page: Page): Promise<void> {
	await page.waitForFunction(() => !!(window as unknown as { __sozialraumMap?: unknown }).__sozialraumMap, null, { timeout: 60_000 });
	// The map the page shows can be replaced while we wait (a year on another boundary version
	// builds a new one): a listener on the old map would never fire. So follow whichever map is
	// current, and resolve on the idle of the map that is still current; the interval keeps the
	// promise reachable (Playwright reports a promise nothing holds as garbage collected).
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				type IdleMap = { once(e: string, f: () => void): void; triggerRepaint(): void };
				const w = window as unknown as { __sozialraumMap: IdleMap; __idleWatch?: ReturnType<typeof setInterval> };
				let current: IdleMap | null = null;
				const watch = () => {
					const map = w.__sozialraumMap;
					if (!map || map === current) return;
					current = map;
					map.once('idle', () => {
						if (w.__sozialraumMap !== map) return;
						clearInterval(timer);
						resolve();
					});
					map.triggerRepaint();
				};
				const timer = setInterval(watch, 50);
				w.__idleWatch = timer;
				watch();
			})
	);
}

/** The atlas map has drawn the styles of this level ("…|gemeinde"; the finest level has no suffix), and is idle. */
export async function waitForLevel(page: Page, level: string | null, timeout = 60_000): Promise<void> {
	await page.waitForFunction(
		(level) => {
			const applied = document.querySelector('[data-testid=atlas] [data-applied]')?.getAttribute('data-applied') ?? '';
			return applied !== '' && (level ? applied.endsWith(`|${level}`) : applied.endsWith('|'));
		},
		level,
		{ timeout }
	);
	await waitForMapIdle(page);
}

/** Pixels (RGB) in a (2r+1)² window around a lon/lat, in canvas pixel coordinates. */
export async function pixelsAt(page: Page, lonLat: [number, number], r = 1): Promise<[number, number, number][]> {
	return page.evaluate(
		({ lonLat, r }) => {
			const map = (window as unknown as { __sozialraumMap: { project(l: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } }).__sozialraumMap;
			const canvas = map.getCanvas();
			const scale = canvas.width / canvas.clientWidth;
			const p = map.project(lonLat);
			const copy = document.createElement('canvas');
			copy.width = canvas.width;
			copy.height = canvas.height;
			const ctx = copy.getContext('2d')!;
			ctx.drawImage(canvas, 0, 0);
			const x = Math.round(p.x * scale), y = Math.round(p.y * scale);
			const data = ctx.getImageData(x - r, y - r, 2 * r + 1, 2 * r + 1).data;
			const out: [number, number, number][] = [];
			for (let i = 0; i < data.length; i += 4) out.push([data[i], data[i + 1], data[i + 2]]);
			return out;
		},
		{ lonLat, r }
	);
}

/** The most frequent colour in a pixel window (robust against an outline crossing it). */
export function dominant(pixels: [number, number, number][]): [number, number, number] {
	const counts = new Map<string, number>();
	for (const p of pixels) counts.set(p.join(','), (counts.get(p.join(',')) ?? 0) + 1);
	const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
	return best.split(',').map(Number) as [number, number, number];
}

export function colourDistance(a: [number, number, number], b: [number, number, number]): number {
	return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}
