/** Turns the slides of the presentation into PPTX slides: pictures drawn off-screen, texts as they stand. */
import { atlasLegend, datenstandText, sourceLines, svgMapPicture } from '$lib/export/atlas-figure';
import { drawFigure } from '$lib/export/figure';
import { bundledDescriptor } from '$lib/data/source-app';
import { t } from '$lib/i18n/i18n.svelte';
import { slideHref } from './links';
import type { PptxSlide } from './pptx';
import type { Slide } from './slides';
import { views } from './views.svelte';

function imageSize(data: string): Promise<{ w: number; h: number }> {
	const img = new Image();
	img.src = data;
	return img.decode().then(() => ({ w: img.naturalWidth, h: img.naturalHeight }));
}

export async function pptxSlide(slide: Slide): Promise<PptxSlide> {
	const meta = bundledDescriptor.sozialraum;
	const base = {
		title: slide.title || t('present.untitled'),
		caption: slide.caption,
		link: new URL(slideHref(slide.url), location.href).href,
		linkLabel: t('present.slide.open')
	};
	if (slide.kind === 'atlas') {
		const atlas = await views.ensure(slide.url);
		if (atlas.model && atlas.indicator) {
			const map = await svgMapPicture(atlas, 1000, 750);
			const { canvas } = drawFigure({ map, legend: atlasLegend(atlas), legendWidth: 380, scale: 2 });
			return { ...base, picture: { data: canvas.toDataURL('image/png'), w: canvas.width, h: canvas.height }, footer: sourceLines(atlas.indicator.source) };
		}
	}
	const footer = [datenstandText(), ...(meta.fictional ? [t('export.fictional', { territory: meta.territory_de })] : [])];
	const picture = slide.image ? { data: slide.image, ...(await imageSize(slide.image)) } : null;
	return { ...base, picture, footer };
}
