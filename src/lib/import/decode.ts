/**
 * Bytes → text for tables delivered by statistics offices. They come as UTF-8 (with or without the
 * BOM Excel writes), as Windows-1252 or Latin-1 from older systems, and now and then as UTF-16 from
 * Excel's "Unicode-Text" export. Detection: BOM first; otherwise strict UTF-8, and when that fails
 * Windows-1252, with a note saying so (never silent, since a wrong guess garbles every umlaut).
 *
 * Per the WHATWG Encoding Standard the labels "latin1" / "iso-8859-1" ARE windows-1252 in every
 * TextDecoder, so "Latin-1" files decode the same way (the two differ only in 0x80–0x9F, which
 * Latin-1 leaves to control characters nobody uses in a CSV).
 */
export type EncodingChoice = 'auto' | 'utf-8' | 'windows-1252' | 'utf-16le';
export type DetectedEncoding = Exclude<EncodingChoice, 'auto'>;

export interface DecodeResult {
	encoding: DetectedEncoding;
	bom: boolean;
	/** German notes for the user (fallback used, mojibake suspected). */
	notes: string[];
}

const CHUNK = 1 << 22; // 4 MiB: small enough for a progress bar, large enough to be fast

function bomOf(bytes: Uint8Array): { encoding: DetectedEncoding; length: number } | null {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
	return null;
}

/**
 * Decode in chunks, handing each piece of text to `sink` (so a 50 MB file never has to exist
 * twice) and reporting progress as a fraction of bytes. Returns what was used.
 */
export function decodeChunks(
	bytes: Uint8Array,
	choice: EncodingChoice,
	sink: (text: string) => void,
	progress?: (fraction: number) => void
): DecodeResult {
	const bom = bomOf(bytes);
	const notes: string[] = [];
	let encoding: DetectedEncoding;
	if (choice !== 'auto') encoding = choice;
	else if (bom) encoding = bom.encoding;
	else encoding = isUtf8(bytes) ? 'utf-8' : 'windows-1252';
	if (choice === 'auto' && !bom && encoding === 'windows-1252') {
		notes.push('Die Datei ist kein gültiges UTF-8. Sie wurde als Windows-1252 (Latin-1) gelesen; bitte prüfen Sie die Umlaute in der Vorschau.');
	}
	const start = bom && bom.encoding === encoding ? bom.length : 0;
	const decoder = new TextDecoder(encoding);
	let sawMojibake = false;
	for (let at = start; at < bytes.length; at += CHUNK) {
		const end = Math.min(bytes.length, at + CHUNK);
		let text = decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
		if (encoding === 'windows-1252') text = fixC1(text);
		if (!sawMojibake && encoding === 'windows-1252' && /Ã[\u0080-\u00bf¤¶¼]/.test(text)) sawMojibake = true;
		sink(text);
		progress?.((end - start) / Math.max(1, bytes.length - start));
	}
	if (sawMojibake) {
		notes.push('Die Umlaute sehen nach UTF-8 aus („Ã¤“ statt „ä“). Bitte wählen Sie die Zeichenkodierung UTF-8.');
	}
	return { encoding, bom: bom !== null && bom.encoding === encoding, notes };
}

/**
 * Node's TextDecoder decodes "windows-1252" as ISO-8859-1 (0x80 → U+0080 instead of €; browsers get
 * it right). Map the C1 range to Windows-1252 ourselves so Node (CLI) and browser agree.
 */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function fixC1(text: string): string {
	return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]) : text;
}

/** Whole-text convenience wrapper. */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodeResult & { text: string } {
	const parts: string[] = [];
	const result = decodeChunks(bytes, choice, (t) => parts.push(t));
	return { ...result, text: parts.join('') };
}

/** Strict UTF-8 check without building the string (a fatal decoder would, for 50 MB). */
export function isUtf8(bytes: Uint8Array): boolean {
	let i = 0;
	const n = bytes.length;
	while (i < n) {
		const b = bytes[i];
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let min: number;
		if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
		else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
		else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
		else return false;
		let cp = b & (0x3f >> need);
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || (c & 0xc0) !== 0x80) return false;
			cp = (cp << 6) | (c & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
		i += need + 1;
	}
	return true;
}
