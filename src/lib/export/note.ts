/**
 * Feedback notes of the map tools (added to presentation, export saved) sit over a corner of the
 * map; only the newest one stays. A window event lets independent components agree on that.
 */
const EVENT = 'sozialraum-note';

/** Tell the others that `owner` shows a note now. */
export function claimNote(owner: string): void {
	window.dispatchEvent(new CustomEvent(EVENT, { detail: owner }));
}

/** Call `hide` whenever another owner shows a note; returns the cleanup. */
export function onOtherNote(owner: string, hide: () => void): () => void {
	const listener = (e: Event) => {
		if ((e as CustomEvent<string>).detail !== owner) hide();
	};
	window.addEventListener(EVENT, listener);
	return () => window.removeEventListener(EVENT, listener);
}
