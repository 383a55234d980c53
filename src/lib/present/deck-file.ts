/**
 * A presentation as a JSON file, to pass it to a colleague or keep it with the meeting documents.
 * Reading never half-succeeds: any problem gives one German message (a message key of the present
 * catalogue) and the current presentation stays as it was.
 */
import { LIMITS, cleanSlide, newId, slideProblem, type NewSlide, type Slide, type SlideProblem } from './slides';

export const FORMAT = 'sozialraum-monitor-praesentation';
export const VERSION = 1;
/** Larger files are refused before they are read (a few pictures at most, never megabytes of text). */
export const MAX_FILE_BYTES = 20_000_000;

export interface Deck {
	title: string;
	slides: Slide[];
}

export interface DeckFile {
	format: typeof FORMAT;
	version: typeof VERSION;
	title: string;
	/** Name of the data package the views were made with (the URLs name its indicators). */
	package: string;
	saved: string;
	slides: NewSlide[];
}

export function deckToFile(deck: Deck, packageName: string, now = new Date()): string {
	const file: DeckFile = {
		format: FORMAT,
		version: VERSION,
		title: deck.title,
		package: packageName,
		saved: now.toISOString(),
		slides: deck.slides.map(({ id: _id, ...s }) => s)
	};
	return JSON.stringify(file, null, 2) + '\n';
}

export type ParseError =
	| { key: 'present.file.notJson' }
	| { key: 'present.file.format' }
	| { key: 'present.file.version'; params: { version: string } }
	| { key: 'present.file.noSlides' }
	| { key: 'present.file.tooMany'; params: { n: number; max: number } }
	| { key: 'present.file.title' }
	| { key: `present.file.slide.${SlideProblem}`; params: { n: number } };

export type ParseResult = { ok: true; deck: Deck; package: string } | { ok: false; error: ParseError };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseDeckFile(text: string): ParseResult {
	let data: unknown;
	try {
		data = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return { ok: false, error: { key: 'present.file.notJson' } };
	}
	if (!isObject(data) || data.format !== FORMAT) return { ok: false, error: { key: 'present.file.format' } };
	if (data.version !== VERSION) return { ok: false, error: { key: 'present.file.version', params: { version: String(data.version) } } };
	if (!Array.isArray(data.slides)) return { ok: false, error: { key: 'present.file.noSlides' } };
	if (data.slides.length > LIMITS.slides) return { ok: false, error: { key: 'present.file.tooMany', params: { n: data.slides.length, max: LIMITS.slides } } };
	const title = data.title ?? '';
	if (typeof title !== 'string' || title.length > LIMITS.title) return { ok: false, error: { key: 'present.file.title' } };
	const slides: Slide[] = [];
	for (const [i, s] of data.slides.entries()) {
		const problem = isObject(s) ? slideProblem(s) : 'kind';
		if (problem) return { ok: false, error: { key: `present.file.slide.${problem}`, params: { n: i + 1 } } };
		slides.push(cleanSlide(s as unknown as NewSlide, newId()));
	}
	return { ok: true, deck: { title: title.trim(), slides }, package: typeof data.package === 'string' ? data.package : '' };
}
