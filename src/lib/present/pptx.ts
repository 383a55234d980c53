/**
 * The presentation as a PowerPoint file (pptxgenjs, loaded only on demand): one slide per view with
 * title, picture (the drawn view: map and legend, profile or target figure, rendered from the
 * slide's SVG via canvas), the live sentences and the caption beside it, and source · Datenstand.
 * The caption also goes into the speaker notes.
 */
import { fitContain } from '$lib/export/figure-layout';

export interface PptxSlide {
	title: string;
	caption: string;
	/** Sentences about the view from today's data (summary, assessment, settings), shown beside the picture. */
	details: string[];
	/** PNG as data URL with its pixel size. */
	picture: { data: string; w: number; h: number } | null;
	footer: string[];
	/** Absolute link to the view in the app (shown when there is no picture). */
	link: string;
	linkLabel: string;
}

const W = 13.333; // LAYOUT_WIDE, inches
const M = 0.45;
const FONT = 'Arial';

export async function buildPptx(title: string, slides: PptxSlide[], lang = 'de-DE'): Promise<Blob> {
	const { default: PptxGenJS } = await import('pptxgenjs');
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_WIDE';
	pptx.title = title;
	pptx.author = 'Sozialraum-Monitor';
	pptx.company = '';
	for (const s of slides) {
		const slide = pptx.addSlide();
		slide.addText(s.title, { x: M, y: 0.3, w: W - 2 * M, h: 0.85, fontFace: FONT, fontSize: 28, bold: true, color: '1A1A1A', lang, valign: 'middle', fit: 'shrink' });
		slide.addShape('line', { x: M, y: 1.17, w: W - 2 * M, h: 0, line: { color: '1D4E89', width: 2 } });
		const body = { x: M, y: 1.35, w: 8.7, h: 5.35 };
		if (s.picture) {
			const fit = fitContain(s.picture.w, s.picture.h, body);
			slide.addImage({ data: s.picture.data, x: fit.x, y: fit.y, w: fit.w, h: fit.h, altText: s.title });
			// as on the screen: the planner's caption first, then the sentences from today's data
			const side = [
				...(s.caption ? [{ text: s.caption, options: { fontSize: 16, color: '1A1A1A', breakLine: true, paraSpaceAfter: 10 } }] : []),
				...s.details.map((text) => ({ text, options: { fontSize: 14, color: '3D3D3D', breakLine: true, paraSpaceAfter: 8 } }))
			];
			if (side.length) slide.addText(side, { x: body.x + body.w + 0.3, y: body.y, w: W - M - (body.x + body.w + 0.3), h: body.h, fontFace: FONT, valign: 'top', lang, fit: 'shrink' });
		} else {
			slide.addText(
				[
					{ text: s.caption, options: { breakLine: true } },
					{ text: s.linkLabel, options: { hyperlink: { url: s.link }, color: '1D4E89' } }
				],
				{ x: M, y: body.y, w: W - 2 * M, h: body.h, fontFace: FONT, fontSize: 20, color: '1A1A1A', valign: 'top', lang }
			);
		}
		slide.addText(s.footer.join(' · '), { x: M, y: 6.85, w: W - 2 * M, h: 0.45, fontFace: FONT, fontSize: 10, color: '4D4D4D', lang, valign: 'middle' });
		if (s.caption) slide.addNotes(s.caption);
	}
	return (await pptx.write({ outputType: 'blob', compression: true })) as Blob;
}
