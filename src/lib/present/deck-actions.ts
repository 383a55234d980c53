/** The presentation page's file actions: save/load JSON, PowerPoint. Messages are ready to show. */
import { shownPackage } from '$lib/packages/choice.svelte';
import { downloadBlob, downloadText, fileName } from '$lib/export/download';
import { t } from '$lib/i18n/i18n.svelte';
import { MAX_FILE_BYTES, deckToFile, parseDeckFile } from './deck-file';
import { deck } from './deck.svelte';
import { buildPptx } from './pptx';
import { pptxSlide } from './export-deck';

export type Outcome = { ok: true; message: string } | { ok: false; message: string };

function today(): string {
	return new Date().toISOString().slice(0, 10);
}

function baseName(): (string | number)[] {
	return ['praesentation', deck.title || shownPackage.sozialraum.territory_de, today()];
}

export function saveDeckFile(): Outcome {
	const name = fileName(baseName(), 'json');
	downloadText(deckToFile(deck.snapshot(), shownPackage.name), name, 'application/json;charset=utf-8');
	return { ok: true, message: t('export.done', { name }) };
}

/** Replace the presentation with a file's, or change nothing and say why in German. */
export async function loadDeckFile(file: File): Promise<Outcome> {
	const fail = (message: string): Outcome => ({ ok: false, message: `${message} ${t('present.file.unchanged')}` });
	if (file.size > MAX_FILE_BYTES) return fail(t('present.file.tooLarge', { size: (file.size / 1e6).toFixed(1) }));
	const parsed = parseDeckFile(await file.text());
	if (!parsed.ok) return fail(t(parsed.error.key, 'params' in parsed.error ? parsed.error.params : undefined));
	deck.replace(parsed.deck, file.name);
	let message = t('present.loaded', { file: file.name, n: parsed.deck.slides.length });
	if (parsed.package && parsed.package !== shownPackage.name) message += ' ' + t('present.file.otherPackage', { name: parsed.package });
	return { ok: true, message };
}

export async function savePptx(): Promise<Outcome> {
	const slides = [];
	for (const s of deck.snapshot().slides) slides.push(await pptxSlide(s));
	const name = fileName(baseName(), 'pptx');
	const lang = document.documentElement.lang === 'en' ? 'en-GB' : 'de-DE';
	downloadBlob(await buildPptx(deck.title || t('present.untitled'), slides, lang), name);
	return { ok: true, message: t('export.done', { name }) };
}
