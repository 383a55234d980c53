/** Save text as a file in the browser (a Blob URL: nothing is sent anywhere). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
