/**
 * Legend texts for a Classification: "12,5 – 18,0 %" (de-DE) / "12.5 – 18.0%" (en-GB), or SD bands
 * ("< −1 SD", "−1 … 0 SD", …) for the standard-deviation method, plus method names.
 */
import type { ClassMethod, Classification } from './classify';
import { formatNumber, unitSuffix, type StatsLocale } from './format';

export interface LegendOptions {
	decimals?: number;
	unit?: string | null;
	locale?: StatsLocale;
	/** stdDev: label classes by SD multiples instead of values (default true for stdDev). */
	sdNotation?: boolean;
}

const MINUS = '\u2212';

/** A signed SD multiple: 1 → "+1", −0.5 → "−0,5", 0 → "0". */
function signed(m: number, locale: StatsLocale): string {
	const text = formatNumber(Math.abs(m), Number.isInteger(m) ? 0 : m * 2 === Math.round(m * 2) ? 1 : 2, locale);
	if (m === 0) return text;
	return (m < 0 ? MINUS : '+') + text;
}

function sdLabels(multiples: number[], locale: StatsLocale): string[] {
	const s = (m: number) => signed(m, locale);
	const labels = [`< ${s(multiples[0])} SD`];
	for (let i = 1; i < multiples.length; i++) labels.push(`${s(multiples[i - 1])} … ${s(multiples[i])} SD`);
	labels.push(`> ${s(multiples[multiples.length - 1])} SD`);
	return labels;
}

/**
 * One label per class. The first class reads "≤ b₀" when its upper bound lies below the data minimum
 * (an empty outlier or SD class), an empty zero-width top class reads "> bₖ₋₂"; otherwise
 * "lower – upper" (the class holding the data minimum starts at the minimum), the unit once at the
 * end. Numbers are formatted with Intl for the locale.
 */
export function legendLabels(c: Classification, options: LegendOptions = {}): string[] {
	const locale = options.locale ?? 'de-DE';
	const decimals = options.decimals ?? 1;
	const { breaks } = c;
	if (breaks.length === 0) return [];
	const useSd = options.sdNotation ?? true;
	if (c.method === 'stdDev' && useSd && c.sd && c.sd.multiples.length > 0 && breaks.length === c.sd.multiples.length + 1) {
		return sdLabels(c.sd.multiples, locale);
	}
	const f = (x: number) => formatNumber(x, decimals, locale);
	const u = unitSuffix(options.unit, locale);
	return breaks.map((b, i) => {
		if (i === 0 && b < c.lower) return `≤ ${f(b)}${u}`;
		if (i > 0 && b === breaks[i - 1]) return `> ${f(b)}${u}`;
		// The class holding the data minimum starts at the minimum, not at an (empty) outlier fence.
		const prev = breaks[i - 1];
		const from = i === 0 || (prev < c.lower && c.lower <= b) ? c.lower : prev;
		return `${f(from)} – ${f(b)}${u}`;
	});
}

const METHOD_NAMES: Record<ClassMethod, { 'de-DE': string; 'en-GB': string }> = {
	quantile: { 'de-DE': 'Quantile', 'en-GB': 'Quantiles' },
	equalInterval: { 'de-DE': 'Gleiche Intervalle', 'en-GB': 'Equal intervals' },
	naturalBreaks: { 'de-DE': 'Natürliche Unterbrechungen (Jenks)', 'en-GB': 'Natural breaks (Jenks)' },
	stdDev: { 'de-DE': 'Standardabweichung vom Mittelwert', 'en-GB': 'Standard deviation from the mean' },
	boxPlot: { 'de-DE': 'Boxplot mit Ausreißerklassen', 'en-GB': 'Box plot with outlier classes' },
	manual: { 'de-DE': 'Manuelle Klassengrenzen', 'en-GB': 'Manual breaks' }
};

/** Display name of a classification method for the legend. */
export function methodLabel(method: ClassMethod, locale: StatsLocale = 'de-DE'): string {
	return METHOD_NAMES[method][locale];
}
