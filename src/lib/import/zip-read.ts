/**
 * A small ZIP reader (PKWARE APPNOTE 6.3.x) for the archives GIS users hand over: a Shapefile's
 * .shp/.dbf/.prj/.cpg zipped together. Reads the central directory from the end of the file, then
 * each entry's local header; "stored" entries are sliced, "deflated" ones inflated with the
 * platform's DecompressionStream('deflate-raw') (browsers and Node ≥ 20). No ZIP64, no encryption:
 * shapefile archives never need them, and such archives get a clear German message instead.
 */
export interface ZipEntry {
	name: string;
	bytes: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipError extends Error {}

export async function readZip(data: Uint8Array): Promise<ZipEntry[]> {
	const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
	const eocd = findEocd(view);
	if (eocd < 0) throw new ZipError('Die Datei ist kein ZIP-Archiv oder beschädigt (Inhaltsverzeichnis nicht gefunden).');
	const count = view.getUint16(eocd + 10, true);
	let at = view.getUint32(eocd + 16, true);
	if (at === 0xffffffff || count === 0xffff) throw new ZipError('ZIP64-Archive werden nicht unterstützt; bitte als normales ZIP packen.');
	const entries: ZipEntry[] = [];
	for (let i = 0; i < count; i++) {
		if (at + 46 > data.length || view.getUint32(at, true) !== CENTRAL) throw new ZipError('Das Inhaltsverzeichnis des ZIP-Archivs ist beschädigt.');
		const flags = view.getUint16(at + 8, true);
		const method = view.getUint16(at + 10, true);
		const compressed = view.getUint32(at + 20, true);
		const nameLen = view.getUint16(at + 28, true);
		const extraLen = view.getUint16(at + 30, true);
		const commentLen = view.getUint16(at + 32, true);
		const local = view.getUint32(at + 42, true);
		const rawName = data.subarray(at + 46, at + 46 + nameLen);
		// bit 11: UTF-8 names; otherwise CP437, which for ASCII names is the same
		const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'windows-1252').decode(rawName);
		at += 46 + nameLen + extraLen + commentLen;
		if (name.endsWith('/')) continue;
		if (flags & 1) throw new ZipError(`„${name}“ ist verschlüsselt; bitte ohne Passwort packen.`);
		if (view.getUint32(local, true) !== LOCAL) throw new ZipError(`Eintrag „${name}“ im ZIP-Archiv ist beschädigt.`);
		const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
		const body = data.subarray(start, start + compressed);
		if (method === 0) entries.push({ name, bytes: body.slice() });
		else if (method === 8) entries.push({ name, bytes: await inflateRaw(body) });
		else throw new ZipError(`„${name}“ ist mit einem nicht unterstützten Verfahren gepackt (Methode ${method}); bitte als normales ZIP (Deflate) packen.`);
	}
	return entries;
}

function findEocd(view: DataView): number {
	// the EOCD record is 22 bytes plus a comment of up to 65,535 bytes at the very end
	for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 65535); i--) {
		if (view.getUint32(i, true) === EOCD) return i;
	}
	return -1;
}

export async function inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}
