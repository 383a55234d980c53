/**
 * The name an editor gives for the history of changes ("who"): free text, kept in this browser
 * only (localStorage), never sent anywhere. Shared by every kind of record.
 */
import { browser } from '$app/environment';

const KEY = 'sozialraum-monitor.editor';
export const EDITOR_LIMIT = 80;

class EditorName {
	value = $state('');

	constructor() {
		if (browser) this.value = localStorage.getItem(KEY) ?? '';
	}

	set(name: string) {
		this.value = name.slice(0, EDITOR_LIMIT);
		if (browser) {
			if (this.value.trim()) localStorage.setItem(KEY, this.value);
			else localStorage.removeItem(KEY);
		}
	}
}

export const editorName = new EditorName();
