/**
 * A presentation is a list of saved views. Each slide is { kind, title, caption, url }: the URL
 * (relative to the app, e.g. "/?indikator=sgb2_u15&jahr=2025" or "/sozialraum/?id=0101") is the
 * permalink that reproduces the view, so a slide always shows today's data with the view's settings.
 * Pure functions only: validation (also for imported files) and list edits.
 */

export const SLIDE_KINDS = ['atlas', 'profile', 'indicator', 'target', 'index', 'chain', 'measures'] as const;
export type SlideKind = (typeof SLIDE_KINDS)[number];

export interface NewSlide {
	kind: SlideKind;
	title: string;
	caption: string;
	/** App-relative permalink, starting with "/". */
	url: string;
	/**
	 * Optional picture of the view (data:image/png or jpeg). Every kind is drawn from its URL with
	 * today's data; the picture only stands in when that view cannot be loaded (e.g. a target that
	 * exists in another browser only).
	 */
	image?: string;
}

export interface Slide extends NewSlide {
	id: string;
}

export const LIMITS = { title: 200, caption: 2000, url: 2000, image: 4_000_000, slides: 100 } as const;

/** Why a slide is not acceptable: a message key of the present catalogue. */
export type SlideProblem = 'kind' | 'title' | 'caption' | 'url' | 'image';

/**
 * Only links into this app: a path starting with one "/" and no scheme, no backslash, no control
 * characters. An imported file must not smuggle in "javascript:" or another origin.
 */
export function isAppUrl(url: unknown): url is string {
	return (
		typeof url === 'string' &&
		url.length <= LIMITS.url &&
		/^\/(?![/\\])/.test(url) &&
		!/[\\\s\u0000-\u001f]/.test(url) &&
		!/^\/[^?#]*:/.test(url)
	);
}

const IMAGE = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/;

/** The first problem of a candidate slide, or null when it is fine. */
export function slideProblem(s: Record<string, unknown>): SlideProblem | null {
	if (!SLIDE_KINDS.includes(s.kind as SlideKind)) return 'kind';
	if (typeof s.title !== 'string' || s.title.length > LIMITS.title) return 'title';
	if (typeof s.caption !== 'string' || s.caption.length > LIMITS.caption) return 'caption';
	if (!isAppUrl(s.url)) return 'url';
	if (s.image !== undefined && (typeof s.image !== 'string' || s.image.length > LIMITS.image || !IMAGE.test(s.image))) return 'image';
	return null;
}

const PATH_KINDS: Record<string, SlideKind> = {
	'/': 'atlas',
	'/sozialraum/': 'profile',
	'/indikator/': 'indicator',
	'/ziele/ziel/': 'target',
	'/index/': 'index'
};

/**
 * The view a slide URL leads to, from its path (not from the stored kind: an edited file may claim
 * anything, the path decides what is drawn); null for a page no slide can draw.
 */
export function kindOfUrl(url: string): SlideKind | null {
	const path = url.split(/[?#]/)[0];
	const kind = PATH_KINDS[path.endsWith('/') ? path : path + '/'] ?? null;
	// "Ziel, Maßnahmen, Stand" is the target page's view with its measures
	if (kind === 'target' && new URLSearchParams(url.split('?')[1]?.split('#')[0] ?? '').get(TARGET_VIEW_PARAM) === MEASURES_VIEW) return 'measures';
	return kind;
}

/** `/ziele/ziel/?id=FZ01&ansicht=massnahmen`: the target with its measures (slide and section of the page). */
export const TARGET_VIEW_PARAM = 'ansicht';
export const MEASURES_VIEW = 'massnahmen';

/** Only the known fields (an imported object may carry anything else). */
export function cleanSlide(s: NewSlide, id: string): Slide {
	const out: Slide = { id, kind: s.kind, title: s.title.trim(), caption: s.caption.trim(), url: s.url };
	if (s.image) out.image = s.image;
	return out;
}

/** An id without crypto.randomUUID, which municipal intranets on plain http do not offer. */
export function newId(): string {
	return Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
}

/** Move the item at `from` to index `to` (clamped); a new array. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
	const out = [...list];
	if (from < 0 || from >= out.length) return out;
	const target = Math.max(0, Math.min(out.length - 1, to));
	const [item] = out.splice(from, 1);
	out.splice(target, 0, item);
	return out;
}
