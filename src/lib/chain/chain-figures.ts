/**
 * The prevention-chain page's charts for export: the matrix (areas × life phases, drawn as SVG by
 * matrix-figure.ts from the same rows the HTML table shows) and the six phase maps as small
 * multiples. Key: the categories with colour and symbol, never colour alone.
 */
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { formatNumber } from '$lib/stats/format';
import { gridGraphic, type ChartGraphic, type ChartMeta, type KeyItem } from '$lib/export/chart-figure-layout';
import { measureText } from '$lib/export/chart-figure';
import { chartGraphic } from '$lib/export/svg-inline';
import { figureFooter, joinParts, territory } from '$lib/export/chart-meta';
import { CATEGORIES, CATEGORY_STYLE } from './categories';
import type { MatrixCell, MatrixRow } from './matrix';
import { CHAIN_PHASES, type ChainPhase } from './phases';
import type { Category } from './categories';
import type { ProjectedMap } from './phase-canvas';
import { phasePng } from './phase-canvas-draw';
import type { ChainPage } from './chain-page.svelte';
import { matrixGraphic } from './matrix-figure';

const level = (l: MatrixCell['needLevel']) => (l ? t(`chain.level.${l}`) : '–');

export function chainMatrixGraphic(rows: MatrixRow[], minPopulation: number): ChartGraphic {
	return matrixGraphic(
		rows.map((r) => ({
			name: r.name,
			note: r.small ? t('chain.small', { min: minPopulation }) : undefined,
			cells: CHAIN_PHASES.map((p) => {
				const c = r.cells[p];
				const st = CATEGORY_STYLE[c.category];
				return { ...st, label: t(`chain.catShort.${c.category}`), levels: `${level(c.needLevel)} / ${level(c.coverageLevel)}` };
			})
		})),
		{ area: t('chain.col.area'), phases: CHAIN_PHASES.map((p) => t(`phase.${p}`)) },
		measureText
	);
}

/** The canvas maps' shared outlines and each phase's categories (see phase-canvas.ts). */
export interface RasterMaps {
	map: ProjectedMap;
	categories: ReadonlyMap<ChainPhase, Category[]>;
}

/**
 * A canvas phase map as a graphic: the phase drawn off screen at twice the map's size and placed
 * as a PNG <image>, so the SVG and PNG exports hold the same picture as the screen.
 */
function rasterGraphic(raster: RasterMaps, phase: ChainPhase): ChartGraphic {
	const { width, height } = raster.map;
	const href = phasePng(raster.map, raster.categories.get(phase) ?? []);
	return { markup: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}"><image href="${href}" x="0" y="0" width="${width}" height="${height}"/></svg>`, width, height };
}

/**
 * The six phase maps on screen (`[data-testid=phase-map]`), side by side three in a row: the SVG
 * maps as they are, the canvas maps (`raster`) redrawn as images.
 */
export function chainMapsGraphic(root: Element | null | undefined, raster: RasterMaps | null = null): ChartGraphic | null {
	const maps = [...(root?.querySelectorAll('[data-testid=phase-map]') ?? [])];
	const items = maps.flatMap((m) => {
		const phase = m.getAttribute('data-phase') as ChainPhase;
		const svg = m.querySelector<SVGSVGElement>('svg');
		const graphic = svg ? chartGraphic(svg) : raster && m.querySelector('canvas') ? rasterGraphic(raster, phase) : null;
		return graphic ? [{ title: t(`phase.${phase}`), graphic }] : [];
	});
	return items.length ? gridGraphic(items, 3, measureText) : null;
}

function categoryKey(): KeyItem[] {
	return CATEGORIES.map((c) => ({
		label: t(`chain.cat.${c}`),
		mark: { kind: 'rect', fill: CATEGORY_STYLE[c].color, symbol: CATEGORY_STYLE[c].symbol, ink: CATEGORY_STYLE[c].ink }
	}));
}

export function chainMeta(c: ChainPage, which: 'matrix' | 'maps'): ChartMeta {
	const sources = CHAIN_PHASES.flatMap((p) => c.indicatorsOf(p).map((i) => i.source));
	const small = c.rows.filter((r) => r.small).map((r) => r.name);
	return {
		title: t(which === 'matrix' ? 'figure.chain.matrixTitle' : 'figure.chain.mapsTitle'),
		subtitle: joinParts([
			t('figure.chain.sub', {
				territory: territory(),
				method: t(`chain.method.${c.method}`),
				measure: t(`chain.measure.${c.measure}`),
				year: c.data?.populationYear ?? '–'
			})
		]),
		key: categoryKey(),
		footer: [
			...(c.noPopulation
				? [t('index.method.populationUnknown')]
				: small.length
					? [t('chain.methodSmall', { min: formatNumber(c.minPopulation, 0, i18n.intl), list: small.join(', ') })]
					: []),
			t('figure.chain.offers'),
			...figureFooter(sources)
		]
	};
}
