import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, mapContextAttributes } from './webgl-support';

describe('software WebGL renderers', () => {
	it('recognises the CPU rasterisers by the names browsers report', () => {
		// Chromium 150–156 with --use-angle=swiftshader (this project's e2e and bench machine)
		expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
		expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
		expect(isSoftwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(true);
		expect(isSoftwareRenderer('softpipe')).toBe(true);
	});

	it('does not mistake GPUs for them', () => {
		expect(isSoftwareRenderer('ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
		expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
		expect(isSoftwareRenderer('Apple M2')).toBe(false);
		expect(isSoftwareRenderer('Mesa Intel(R) Xe Graphics (TGL GT2)')).toBe(false);
		expect(isSoftwareRenderer('')).toBe(false);
	});

	it('antialiases on a GPU only and always keeps the drawing buffer (PNG export, pixel tests)', () => {
		expect(mapContextAttributes({ software: true })).toEqual({ preserveDrawingBuffer: true, antialias: false });
		expect(mapContextAttributes({ software: false })).toEqual({ preserveDrawingBuffer: true, antialias: true });
	});
});
