/** Hrefs for slide URLs. Slide URLs are app-relative ("/?…", "/sozialraum/?id=…"); the app may live under a sub-path. */
import { resolve } from '$app/paths';

export function slideHref(url: string): string {
	return resolve('/') + url.slice(1);
}

export function presentationHref(): string {
	return resolve('/praesentation/');
}
