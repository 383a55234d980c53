/**
 * The @page rule of a printed profile or indicator page: A4 landscape, and running header / footer
 * in the page-margin boxes (CSS Paged Media; Chromium prints them since version 131): title and
 * Datenstand on top, the fictional-data note and "Seite n von m" below. The texts depend on the page
 * and language, so the rule is generated and put into <svelte:head> while the page is shown (and
 * removed with it, so it never applies to other pages).
 */

/** A CSS string literal; escapes what could end the string or the surrounding <style> element. */
export function cssString(text: string): string {
	const body = text
		.replace(/\\/g, '\\\\')
		.replace(/"/g, '\\"')
		.replace(/[\r\n]+/g, ' ')
		.replace(/</g, '\\3C ')
		.replace(/>/g, '\\3E ');
	return `"${body}"`;
}

export interface PrintPageText {
	topLeft: string;
	topRight: string;
	bottomLeft: string;
	/** "Seite" / "Page" and "von" / "of" for "Seite 2 von 3". */
	page: string;
	of: string;
}

const BOX = 'font-family: system-ui, sans-serif; font-size: 8pt; color: #333;';

export function printPageCss(text: PrintPageText): string {
	return `@media print {
@page {
	size: A4 landscape;
	margin: 13mm 10mm 12mm 10mm;
	@top-left { content: ${cssString(text.topLeft)}; ${BOX} }
	@top-right { content: ${cssString(text.topRight)}; ${BOX} }
	@bottom-left { content: ${cssString(text.bottomLeft)}; ${BOX} }
	@bottom-right { content: ${cssString(`${text.page} `)} counter(page) ${cssString(` ${text.of} `)} counter(pages); ${BOX} }
}
}`;
}
