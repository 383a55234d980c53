/**
 * Print (or "Als PDF speichern" in the print dialog) a composed figure instead of the interactive
 * page: a WebGL canvas does not re-layout for paper and would be cropped, controls would print too.
 * The figure goes into a print-only holder; ExportMenu's global print styles show only that.
 */
export const PRINT_CLASS = 'print-figure-mode';

export async function printImage(blob: Blob, alt: string): Promise<void> {
	const url = URL.createObjectURL(blob);
	const holder = document.createElement('div');
	holder.className = 'print-figure';
	const img = new Image();
	img.src = url;
	img.alt = alt;
	await img.decode();
	holder.append(img);
	document.body.append(holder);
	document.documentElement.classList.add(PRINT_CLASS);
	const cleanup = () => {
		holder.remove();
		document.documentElement.classList.remove(PRINT_CLASS);
		URL.revokeObjectURL(url);
	};
	// afterprint comes when the dialog closes (print() blocks in most browsers, not in all)
	window.addEventListener('afterprint', cleanup, { once: true });
	window.print();
}
