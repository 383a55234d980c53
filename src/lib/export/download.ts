/**
 * Save a generated file. Everything is made in the browser and handed over as a blob: URL (allowed by
 * the app's CSP), so no export ever talks to a server.
 */

/** A file name Windows accepts and a planner recognises: "atlas_sgb2-u15_2025.png". */
export function fileName(parts: (string | number)[], extension: string): string {
	const base = parts
		.map((p) =>
			String(p)
				.replace(/ß/g, 'ss')
				.replace(/[äöüÄÖÜ]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' })[c]!)
				.normalize('NFKD')
				.replace(/[\u0300-\u036f]/g, '')
				.replace(/[^A-Za-z0-9-]+/g, '-')
				.replace(/^-+|-+$/g, '')
		)
		.filter((p) => p !== '')
		.join('_')
		.replace(/-+/g, '-')
		.toLowerCase()
		.slice(0, 120);
	return `${base || 'export'}.${extension}`;
}

export function downloadBlob(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	a.style.display = 'none';
	document.body.append(a);
	a.click();
	a.remove();
	// revoke later: some browsers start reading the blob only after click() returned
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Save generated text (CSV by default) as a file; the one helper every page uses. */
export function downloadText(text: string, name: string, type = 'text/csv;charset=utf-8'): void {
	downloadBlob(new Blob([text], { type }), name);
}
