/**
 * A small ZIP writer (PKWARE APPNOTE 6.3.x) for exporting a data package as one file. Entries are
 * deflated with the platform's CompressionStream('deflate-raw') and stored uncompressed when that
 * does not help. Names are UTF-8 (flag bit 11). The timestamp is fixed by the caller, so the same
 * package gives the same bytes.
 */
export interface ZipInput {
	name: string;
	bytes: Uint8Array;
}

const CRC_TABLE = (() => {
	const t = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	return t;
})();

/** CRC-32 (ISO 3309, the polynomial ZIP uses). */
export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** MS-DOS date and time of a Date (local fields, as ZIP tools show them). */
function dosDateTime(d: Date): [number, number] {
	const time = (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2);
	const date = ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
	return [time, date];
}

export async function writeZip(files: ZipInput[], modified = new Date(2026, 0, 1)): Promise<Uint8Array> {
	const [time, date] = dosDateTime(modified);
	const enc = new TextEncoder();
	const locals: Uint8Array[] = [];
	const centrals: Uint8Array[] = [];
	let offset = 0;
	for (const f of files) {
		const name = enc.encode(f.name);
		const crc = crc32(f.bytes);
		const deflated = await deflateRaw(f.bytes);
		const stored = deflated.length >= f.bytes.length;
		const body = stored ? f.bytes : deflated;
		const header = (central: boolean) => {
			const h = new DataView(new ArrayBuffer(central ? 46 : 30));
			let p = 0;
			const u32 = (v: number) => (h.setUint32(p, v, true), (p += 4));
			const u16 = (v: number) => (h.setUint16(p, v, true), (p += 2));
			u32(central ? 0x02014b50 : 0x04034b50);
			if (central) u16(20); // version made by
			u16(20); // version needed: 2.0 (deflate)
			u16(0x800); // UTF-8 names
			u16(stored ? 0 : 8);
			u16(time);
			u16(date);
			u32(crc);
			u32(body.length);
			u32(f.bytes.length);
			u16(name.length);
			u16(0); // extra
			if (central) {
				u16(0); // comment
				u16(0); // disk
				u16(0); // internal attributes
				u32(0); // external attributes
				u32(offset);
			}
			return new Uint8Array(h.buffer);
		};
		const local = concat([header(false), name, body]);
		centrals.push(concat([header(true), name]));
		locals.push(local);
		offset += local.length;
	}
	const central = concat(centrals);
	const end = new DataView(new ArrayBuffer(22));
	end.setUint32(0, 0x06054b50, true);
	end.setUint16(8, files.length, true);
	end.setUint16(10, files.length, true);
	end.setUint32(12, central.length, true);
	end.setUint32(16, offset, true);
	return concat([...locals, central, new Uint8Array(end.buffer)]);
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
