/**
 * Whether the browser can draw the MapLibre map, and whether its WebGL is drawn by the CPU.
 *
 * On a software renderer (SwiftShader, Mesa's llvmpipe: remote desktops, virtual machines, blocked
 * GPUs — and the meeting-room laptop without drivers) multisample antialiasing multiplies the cost
 * of every frame by the samples per pixel: at the demo city a recolour took 1.00 s p50 with it and
 * 0.56 s without (SwiftShader, docs/performance.md). There the map is drawn without it; a GPU draws
 * it at no visible cost, so it keeps smooth edges.
 */

export interface WebGLSupport {
	/** WebGL2 contexts can be created (else the app draws its SVG map). */
	available: boolean;
	/** The context is rendered on the CPU. */
	software: boolean;
	/** The renderer's name, where the browser tells it ('' otherwise). */
	renderer: string;
}

/**
 * Renderer strings of CPU rasterisers: Chromium's SwiftShader ("ANGLE (Google, Vulkan 1.3.0
 * (SwiftShader Device (Subzero) …), SwiftShader driver)"), Mesa's llvmpipe and softpipe, Windows'
 * "Microsoft Basic Render Driver" (WARP), and generic "Software" adapters.
 */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|basic render|software/i;

export function isSoftwareRenderer(renderer: string): boolean {
	return SOFTWARE.test(renderer);
}

/** Context attributes for a map canvas: pixels kept for PNG export and tests; antialiasing on a GPU only. */
export function mapContextAttributes(support: Pick<WebGLSupport, 'software'>): { preserveDrawingBuffer: true; antialias: boolean } {
	return { preserveDrawingBuffer: true, antialias: !support.software };
}

let known: WebGLSupport | null = null;

/** Asked once per page: a probe context, released again (browsers allow only a few at a time). */
export function webglSupport(): WebGLSupport {
	if (known) return known;
	known = { available: false, software: false, renderer: '' };
	try {
		const gl = document.createElement('canvas').getContext('webgl2');
		if (gl) {
			const info = gl.getExtension('WEBGL_debug_renderer_info');
			const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
			// the standard signal first; Chromium does not raise it for SwiftShader, so the name too
			const caveat = !document.createElement('canvas').getContext('webgl2', { failIfMajorPerformanceCaveat: true });
			known = { available: true, software: caveat || isSoftwareRenderer(renderer), renderer };
			gl.getExtension('WEBGL_lose_context')?.loseContext();
		}
	} catch {
		// no WebGL at all: the SVG map
	}
	return known;
}
