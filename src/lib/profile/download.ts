/**
 * Save generated text as a file in the browser. A blob: URL stays inside the page (no request
 * leaves the site; the CSP allows blob:), and is revoked once the download has started.
 */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
