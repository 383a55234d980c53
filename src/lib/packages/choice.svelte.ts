/**
 * Which bundled package this browser shows, and the head of the package on screen (reactive, for
 * header, footer and every export that names the territory).
 *
 * The choice comes from the link (`?paket=musterkreis`, read by hooks.client.ts before the router
 * starts and taken out of the URL the pages see), else from localStorage, else the default, which
 * is then shown until the user chooses. Switching loads the page anew with the other package: every
 * page then starts from that package's data, as it would on a fresh visit.
 */
import { browser } from '$app/environment';
import { BUNDLED, BUNDLED_NAMES, DEFAULT_PACKAGE, bundledHead } from '$lib/data/bundled';
import type { PackageHead } from '$lib/data/package-head';
import { PACKAGE_PARAM, resolveChoice, withPackage, type PackageChoice } from '$lib/data/package-choice';
import type { PackageDescriptor } from '$lib/data/types';

const STORAGE_KEY = 'sozialraum-monitor.paket';

function stored(): string | null {
	try {
		return localStorage.getItem(STORAGE_KEY);
	} catch {
		return null; // storage disabled: the choice then lasts for the page only
	}
}

function remember(name: string): void {
	try {
		localStorage.setItem(STORAGE_KEY, name);
	} catch {
		// nothing to do: see stored()
	}
}

let fromLink: string | null = null;
let choice: PackageChoice | null = null;

/**
 * Called once before the router starts: takes `paket` out of the address, so pages compare their
 * own parameters only; the layout writes it back for the address bar (shallow, see syncAddress).
 */
export function takePackageParam(): void {
	const url = new URL(location.href);
	fromLink = url.searchParams.get(PACKAGE_PARAM);
	if (fromLink === null) return;
	url.search = withPackage(url.search, null);
	history.replaceState(history.state, '', url);
}

/** The bundled package to load (in the browser; the default during prerender). */
export function currentChoice(): PackageChoice {
	if (!browser) return { name: DEFAULT_PACKAGE, chosen: true };
	if (!choice) {
		choice = resolveChoice(fromLink, stored(), BUNDLED_NAMES);
		// A link that names a package is a choice: the next plain visit keeps it.
		if (fromLink !== null && choice.name === fromLink) remember(choice.name);
	}
	return choice;
}

/** Several packages to choose from (one own package: no choice offered, no `paket` in links). */
export const offersChoice = BUNDLED.length > 1;

/** Keep the package shown (the default, chosen at last) without loading anything anew. */
export function confirmChoice(name: string): void {
	remember(name);
	choice = { name, chosen: true };
	ui.chosen = true;
}

/** Show another bundled package: remember it and open the same page with it. */
export function switchPackage(name: string): void {
	remember(name);
	location.assign(`${location.pathname}${withPackage('', name)}`);
}

/** The query string with the shown package named, for the address bar (null: leave out). */
export function packageForLinks(origin: 'bundled' | 'user' | null): string | null {
	return offersChoice && origin !== 'user' ? currentChoice().name : null;
}

type Head = Pick<PackageHead, 'name' | 'title' | 'sozialraum'>;

/** What the UI shows of the loaded package; starts as the default (as prerendered), then follows the choice and the engine. */
export const shownPackage: Head = $state(structuredClone({ name: BUNDLED[0].name, title: BUNDLED[0].title, sozialraum: BUNDLED[0].sozialraum }));

/** Whether the choice panel is due (first visit) or open (the header's button). */
export const ui = $state({ chosen: true, open: false });

/** Show the head of a package: the chosen one's from the index at start, the full descriptor once loaded. */
export function showPackage(head: Head | PackageDescriptor): void {
	const { fictional, datenstand, territory_de, disclosure, published } = head.sozialraum;
	shownPackage.name = head.name;
	shownPackage.title = head.title;
	Object.assign(shownPackage.sozialraum, { fictional, datenstand, territory_de, disclosure, published });
}

/** At start in the browser: the chosen package's head, and whether to ask. */
export function initShown(): void {
	const c = currentChoice();
	showPackage(bundledHead(c.name));
	ui.chosen = c.chosen || !offersChoice;
}
