/**
 * The presentation being built, kept in the browser (localStorage) so it survives a reload and is
 * there when the planner opens the presentation page. Other pages add their views through
 * `addSlide()`. Deleting a slide and loading a file can be undone once (the last snapshot).
 */
import { browser } from '$app/environment';
import { LIMITS, cleanSlide, move, newId, slideProblem, type NewSlide, type Slide } from './slides';
import type { Deck } from './deck-file';

export const STORAGE_KEY = 'sozialraum-monitor.praesentation';

export type UndoKind = 'removed' | 'loaded';

class DeckStore {
	title = $state('');
	slides = $state<Slide[]>([]);
	/** What the last undoable change was, with the state before it. */
	undo = $state<{ kind: UndoKind; label: string; before: Deck } | null>(null);
	/** The browser refused to store (private mode, quota): the page says so. */
	storageFailed = $state(false);
	#loaded = false;

	/** Read the saved presentation once (in the browser; the prerendered page starts empty). */
	load() {
		if (!browser || this.#loaded) return;
		this.#loaded = true;
		this.#read();
		// another tab (e.g. the atlas) added a slide: show it here too
		window.addEventListener('storage', (e) => {
			if (e.key === STORAGE_KEY) this.#read();
		});
	}

	#read() {
		try {
			const raw = localStorage.getItem(STORAGE_KEY);
			const data = raw ? (JSON.parse(raw) as Partial<Deck>) : null;
			const slides = Array.isArray(data?.slides) ? data.slides : [];
			// a damaged entry must not break the page: keep what is valid
			this.slides = slides.filter((s) => s && slideProblem(s as unknown as Record<string, unknown>) === null).map((s) => cleanSlide(s, s.id || newId()));
			this.title = typeof data?.title === 'string' ? data.title : '';
		} catch {
			this.slides = [];
		}
	}

	#save() {
		if (!browser) return;
		try {
			localStorage.setItem(STORAGE_KEY, JSON.stringify({ title: this.title, slides: this.slides }));
			this.storageFailed = false;
		} catch {
			this.storageFailed = true;
		}
	}

	snapshot(): Deck {
		return { title: this.title, slides: $state.snapshot(this.slides) };
	}

	add(input: NewSlide): Slide {
		this.load();
		const problem = slideProblem(input as unknown as Record<string, unknown>);
		if (problem) throw new Error(`Folie ungültig (${problem})`);
		if (this.slides.length >= LIMITS.slides) throw new Error(`Höchstens ${LIMITS.slides} Folien`);
		const slide = cleanSlide(input, newId());
		this.slides = [...this.slides, slide];
		this.#save();
		return slide;
	}

	update(id: string, patch: Partial<Pick<Slide, 'title' | 'caption'>>) {
		this.slides = this.slides.map((s) => (s.id === id ? { ...s, ...patch } : s));
		this.#save();
	}

	setTitle(title: string) {
		this.title = title.slice(0, LIMITS.title);
		this.#save();
	}

	move(id: string, to: number) {
		this.slides = move(this.slides, this.slides.findIndex((s) => s.id === id), to);
		this.#save();
	}

	remove(id: string) {
		const slide = this.slides.find((s) => s.id === id);
		if (!slide) return;
		this.undo = { kind: 'removed', label: slide.title, before: this.snapshot() };
		this.slides = this.slides.filter((s) => s.id !== id);
		this.#save();
	}

	replace(deck: Deck, label: string) {
		this.undo = { kind: 'loaded', label, before: this.snapshot() };
		this.title = deck.title;
		this.slides = deck.slides;
		this.#save();
	}

	revert() {
		if (!this.undo) return;
		this.title = this.undo.before.title;
		this.slides = this.undo.before.slides;
		this.undo = null;
		this.#save();
	}
}

export const deck = new DeckStore();

/**
 * The API for other pages: add the view the user is looking at, e.g.
 * `addSlide({ kind: 'profile', title: 'Altstadt', caption: '…', url: '/sozialraum/?id=0101' })`.
 * Returns the stored slide; throws on an invalid slide (a programming error, not a user error).
 */
export function addSlide(slide: NewSlide): Slide {
	return deck.add(slide);
}
