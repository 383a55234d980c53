/** A file name without characters Windows forbids or spreadsheets trip over: "sozialindex_standard". */
export function csvFileNameSafe(...parts: string[]): string {
	return parts
		.map((p) => p.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_-]+/g, '-'))
		.join('_')
		.replace(/-+/g, '-')
		.toLowerCase();
}
