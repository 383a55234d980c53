/**
 * Writes a page's view into its URL (the permalink), with SvelteKit navigation so `page.url`
 * follows and back/forward work. A planner's change adds a history step, except that a burst of
 * edits to the same setting (typing a weight or a search word) stays one step; corrections the
 * page makes by itself (a plain link made explicit, an invalid value replaced by its default, an
 * area selected automatically) replace the current entry, so the back button never lands on a
 * URL that would only be corrected again.
 */
import { goto } from '$app/navigation';
import { changedKeys, coalesce, type LastStep } from './permalink';

export class UrlWriter {
	#last: LastStep | null = null;

	/**
	 * @param current the URL the page is at (`page.url`)
	 * @param search the query string of the view shown ('' when everything is at its default)
	 * @param user whether a planner's action caused the change
	 */
	write(current: URL, search: string, user: boolean): void {
		if (search === current.search) return;
		const keys = changedKeys(current.search, search);
		const now = Date.now();
		const replaceState = !user || coalesce(this.#last, keys, now);
		if (user) this.#last = { keys, at: now };
		goto(current.pathname + search, { replaceState, keepFocus: true, noScroll: true });
	}
}
