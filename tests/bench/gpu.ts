/**
 * Which WebGL the benchmark's Chromium uses. By default the e2e harness' flags: WebGL through
 * SwiftShader (the map drawn on the CPU, as on the 2-core build machine without a GPU), so figures
 * from different machines compare. On a machine with a GPU, `SOZIALRAUM_BENCH_GPU=1 npm run bench`
 * runs the same benchmark unchanged with the platform's GPU (ANGLE's default backend), and the
 * report names the renderer it got (docs/performance.md, "Running it").
 */
import type { Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/browser';

const SOFTWARE_ONLY = new Set(['--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader']);

export const BENCH_GPU = process.env.SOZIALRAUM_BENCH_GPU === '1';

/** Chromium flags for every browser the benchmark starts. */
export const BENCH_ARGS: string[] = BENCH_GPU
	? [...CHROMIUM_ARGS.filter((a) => !SOFTWARE_ONLY.has(a)), '--use-angle=default', '--ignore-gpu-blocklist', '--enable-gpu-rasterization']
	: CHROMIUM_ARGS;

/** The WebGL renderer a page of this browser gets (e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader …))"). */
export async function webglRenderer(page: Page): Promise<string> {
	return page.evaluate(() => {
		const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
		if (!gl) return 'no WebGL';
		const ext = gl.getExtension('WEBGL_debug_renderer_info');
		return String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
	});
}
