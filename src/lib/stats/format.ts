/**
 * Number and value formatting for the UI (German first: "12,5 %", "1.234", "3,4 je 1.000").
 * Uses Intl.NumberFormat (ECMA-402) so grouping and decimal separators follow CLDR for the locale.
 */

export type StatsLocale = 'de-DE' | 'en-GB';

/** Shown instead of a number when there is no value (en dash, never "0"). */
export const MISSING_VALUE = '–';

/** No-break space between number and unit, so "12,5 %" never wraps between "12,5" and "%". */
const NBSP = '\u00a0';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: StatsLocale, decimals: number): Intl.NumberFormat {
	const key = `${locale}|${decimals}`;
	let f = cache.get(key);
	if (!f) {
		f = new Intl.NumberFormat(locale, {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals,
			useGrouping: true
		});
		cache.set(key, f);
	}
	return f;
}

function isMissing(value: number | null | undefined): value is null | undefined {
	return value === null || value === undefined || !Number.isFinite(value);
}

/**
 * Format a number with a fixed number of decimals: de-DE 1234.5 → "1.234,5", en-GB → "1,234.5".
 * null / undefined / NaN / ±Infinity → "–". Values that round to zero print without a minus sign.
 */
export function formatNumber(
	value: number | null | undefined,
	decimals = 0,
	locale: StatsLocale = 'de-DE'
): string {
	if (isMissing(value)) return MISSING_VALUE;
	const d = Math.max(0, Math.min(20, Math.round(decimals)));
	// Why: Intl would print "-0,0" for -0.01 with one decimal; a rounded zero has no sign.
	const v = Math.abs(value) < 0.5 * Math.pow(10, -d) ? 0 : value;
	return formatter(locale, d).format(v);
}

/**
 * A number exactly as the user entered it, in the locale's notation: all the decimals it has and no
 * more (de-DE −0.999 → "-0,999", 1.5 → "1,5", −1 → "-1"). For settings a planner typed (class
 * cut-offs), which a fixed number of decimals would misstate ("−1,0" for −0.999). JavaScript
 * keeps the shortest decimal that reads back as the same number, and Intl prints that.
 */
export function formatAsEntered(value: number | null | undefined, locale: StatsLocale = 'de-DE'): string {
	if (isMissing(value)) return MISSING_VALUE;
	return entered(locale).format(value === 0 ? 0 : value);
}

const enteredCache = new Map<StatsLocale, Intl.NumberFormat>();
function entered(locale: StatsLocale): Intl.NumberFormat {
	let f = enteredCache.get(locale);
	if (!f) enteredCache.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 20, useGrouping: true })));
	return f;
}

/**
 * The unit as printed after a number, including its separator.
 * - "%": de-DE " %" (DIN 5008 puts a space before %), en-GB "%" (no space).
 * - "je 1.000" (German per-unit form, number in de-DE grouping): en-GB " per 1,000".
 * - "" or "Anzahl" (a plain count): no suffix.
 * - anything else: a space and the unit unchanged.
 */
export function unitSuffix(unit: string | null | undefined, locale: StatsLocale = 'de-DE'): string {
	const u = (unit ?? '').trim();
	if (u === '' || u.toLowerCase() === 'anzahl') return '';
	if (u === '%') return locale === 'de-DE' ? `${NBSP}%` : '%';
	const per = /^(je|per)\s+([\d.,]+)(.*)$/i.exec(u);
	if (per) {
		const digits = Number(per[2].replace(/[.,]/g, ''));
		const word = locale === 'de-DE' ? 'je' : 'per';
		const n = Number.isFinite(digits) ? formatNumber(digits, 0, locale) : per[2];
		return `${NBSP}${word}${NBSP}${n}${per[3]}`;
	}
	return `${NBSP}${u}`;
}

/**
 * Format an indicator value with its unit: (12.5, "%", 1) → "12,5 %" (de-DE) / "12.5%" (en-GB);
 * (3.4, "je 1.000", 1) → "3,4 je 1.000" / "3.4 per 1,000"; null → "–".
 * Separators are no-break spaces (U+00A0).
 */
export function formatValue(
	value: number | null | undefined,
	unit: string | null | undefined,
	decimals = 0,
	locale: StatsLocale = 'de-DE'
): string {
	if (isMissing(value)) return MISSING_VALUE;
	return formatNumber(value, decimals, locale) + unitSuffix(unit, locale);
}
