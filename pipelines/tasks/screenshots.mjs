/**
 * `npm run screenshots`: pictures of the built app for the README and docs (docs/screenshots/).
 * Needs a build (`npm run build`) and Chromium, like the end-to-end tests.
 */
import { mkdirSync, existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const OUT = 'docs/screenshots';
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
	(p) => p && existsSync(p)
);
if (!CHROMIUM) throw new Error('Chromium nicht gefunden: apt-get install -y chromium, oder CHROMIUM_PATH setzen.');
if (!existsSync('build/index.html')) throw new Error('Kein Build gefunden: zuerst npm run build.');

/** @type {{ name: string, path: string, select?: string, width?: number, height?: number }[]} */
const SHOTS = [
	{ name: 'atlas', path: '?indikator=sgb2_u15&sozialraum=0101' },
	{ name: 'atlas-betreuung', path: '?indikator=betreuung_u3' }
];

mkdirSync(OUT, { recursive: true });
const { url, close } = await serve('build', 0);
const browser = await chromium.launch({
	executablePath: CHROMIUM,
	args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--use-angle=swiftshader', '--enable-unsafe-swiftshader']
});
try {
	for (const shot of SHOTS) {
		const page = await browser.newPage({ viewport: { width: shot.width ?? 1440, height: shot.height ?? 980 }, deviceScaleFactor: 1 });
		await page.goto(url + shot.path);
		await page.waitForSelector('[data-testid=atlas]', { timeout: 60_000 });
		await page.waitForFunction(() => !!(/** @type {any} */ (window).__sozialraumMap));
		await page.evaluate(
			() =>
				new Promise((resolve) => {
					const map = /** @type {any} */ (window).__sozialraumMap;
					map.once('idle', resolve);
					map.triggerRepaint();
				})
		);
		await page.screenshot({ path: `${OUT}/${shot.name}.png` });
		console.log(`${OUT}/${shot.name}.png`);
		await page.close();
	}
} finally {
	await browser.close();
	await close();
}
