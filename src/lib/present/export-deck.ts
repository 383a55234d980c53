/**
 * Turns the slides of the presentation into PPTX slides: the picture of each drawn view (from
 * today's data, see content.ts and picture.ts), title, caption, the live sentences beside the view,
 * source and Datenstand. A stored picture stands in only when a view cannot be loaded.
 */
import { datenstandText } from '$lib/export/atlas-figure';
import { shownPackage } from '$lib/packages/choice.svelte';
import { t } from '$lib/i18n/i18n.svelte';
import { slideContent } from './content';
import { slideHref } from './links';
import { bodyPicture } from './picture';
import type { PptxSlide } from './pptx';
import { kindOfUrl, type Slide } from './slides';
import { views } from './views.svelte';

function imageSize(data: string): Promise<{ w: number; h: number }> {
	const img = new Image();
	img.src = data;
	return img.decode().then(() => ({ w: img.naturalWidth, h: img.naturalHeight }));
}

export async function pptxSlide(slide: Slide): Promise<PptxSlide> {
	const meta = shownPackage.sozialraum;
	const base = {
		title: slide.title || t('present.untitled'),
		caption: slide.caption,
		link: new URL(slideHref(slide.url), location.href).href,
		linkLabel: t('present.slide.open')
	};
	const view = kindOfUrl(slide.url) ? await views.ensure(slide.url).catch(() => null) : null;
	const content = view ? slideContent(view, base.title) : null;
	if (content) return { ...base, picture: await bodyPicture(content.body), details: content.notes, footer: content.footer };
	const footer = [datenstandText(), ...(meta.fictional ? [t('export.fictional', { territory: meta.territory_de })] : [])];
	const picture = slide.image ? { data: slide.image, ...(await imageSize(slide.image)) } : null;
	return { ...base, picture, details: [], footer };
}
