/**
 * Slides made from the Sozialindex and the prevention chain. The slide keeps the page's full
 * permalink (every setting, the selected area, the phase in focus), so opening the slide's link
 * reproduces the view exactly; title and caption say in words what the view shows at that moment.
 */
import { t } from '$lib/i18n/i18n.svelte';
import type { IndexState } from '$lib/index/builder.svelte';
import { gapsIn, type MatrixRow } from '$lib/chain/matrix';
import type { ChainPhase } from '$lib/chain/phases';
import type { LevelMethod } from '$lib/chain/categories';
import { LIMITS, type NewSlide } from './slides';

/** Whole paragraphs while they fit: the caption stays readable on a slide. */
function firstParagraphs(paragraphs: readonly string[], max = 600): string {
	let out = '';
	for (const p of paragraphs) {
		const next = out ? `${out} ${p}` : p;
		if (next.length > max) break;
		out = next;
	}
	return (out || (paragraphs[0] ?? '')).slice(0, LIMITS.caption);
}

/** `search` is the builder's permalink query; `method` the plain-language method text shown on the page. */
export function indexSlide(cur: IndexState, search: string, method: readonly string[]): NewSlide {
	const name = cur.settings.name.trim();
	const title = t('index.mapTitle', { year: cur.year }) + (name && name !== 'Standard' ? ` – ${name}` : '');
	return { kind: 'index', title: title.slice(0, LIMITS.title), caption: firstParagraphs(method), url: '/index/' + search };
}

export function chainSlide(rows: readonly MatrixRow[], focus: ChainPhase, method: LevelMethod, search: string): NewSlide {
	const phase = t(`phase.${focus}`);
	const gaps = gapsIn(rows, focus).map((r) => r.name);
	const caption = `${t('chain.gapsTitle')} – ${phase}: ${gaps.length ? gaps.join(', ') : t('chain.gapsNone')}. ${t(method === 'sd' ? 'chain.methodClasses.sd' : 'chain.methodClasses.tercile')}`;
	return { kind: 'chain', title: t('chain.tableTitle', { phase }).slice(0, LIMITS.title), caption: caption.slice(0, LIMITS.caption), url: '/kette/' + search };
}
