/** How a result cell reads on screen: de-DE numbers, "–" for NULL, "•" stays "•". */
import type { ResultCell } from '$lib/data/connector';
import { MISSING_VALUE } from '$lib/stats/format';

const formats = new Map<string, Intl.NumberFormat>();

export function formatCell(v: ResultCell, locale: 'de-DE' | 'en-GB'): string {
	if (v === null) return MISSING_VALUE;
	if (typeof v === 'number') {
		let f = formats.get(locale);
		if (!f) formats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 })));
		return f.format(v);
	}
	return String(v);
}
