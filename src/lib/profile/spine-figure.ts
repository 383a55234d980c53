/**
 * The profile's chart for export: the indicator table reduced to what a picture can carry — grouped
 * by life phase, one row per indicator with its value, the city value, the sparkline and the spine
 * chart between the lowest and highest area value. The little charts are the ones on screen (their
 * markup, styles inline); this module only places them and the texts. Pure: text widths come from
 * `measure`.
 */
import { FONT, wrapText, type Measure } from '$lib/export/figure-layout';
import { escapeXml, placeSvg, type ChartGraphic } from '$lib/export/chart-figure-layout';

export interface SpineFigureRow {
	label: string;
	value: string;
	city: string;
	min: string;
	max: string;
	spark: ChartGraphic | null;
	spine: ChartGraphic | null;
	/** The row the user came from (marked as on screen). */
	current?: boolean;
}

export interface SpineFigureGroup {
	title: string;
	rows: SpineFigureRow[];
}

export interface SpineFigureHeads {
	indicator: string;
	value: string;
	city: string;
	series: string;
	min: string;
	spine: string;
	max: string;
}

const SIZE = 12;
const LINE = 15;
const FONT12 = `400 ${SIZE}px ${FONT}`;
const BOLD12 = `700 ${SIZE}px ${FONT}`;
/** Column widths; the label column wraps long indicator names. */
export const SPINE_COLUMNS = { label: 290, value: 62, city: 56, spark: 96, min: 52, spine: 184, max: 52, gap: 8 };

const n = (v: number) => String(Math.round(v * 100) / 100);

export function spineTableGraphic(groups: SpineFigureGroup[], heads: SpineFigureHeads, measure: Measure): ChartGraphic {
	// a number column is as wide as its head needs ("Niedrigster" is wider than any value)
	const fit = (w: number, head: string) => Math.max(w, Math.ceil(measure(head, BOLD12)) + 2);
	const c = {
		...SPINE_COLUMNS,
		value: fit(SPINE_COLUMNS.value, heads.value),
		city: fit(SPINE_COLUMNS.city, heads.city),
		min: fit(SPINE_COLUMNS.min, heads.min),
		max: fit(SPINE_COLUMNS.max, heads.max)
	};
	const x = { label: 0, value: 0, city: 0, spark: 0, min: 0, spine: 0, max: 0 };
	let at = 0;
	for (const k of ['label', 'value', 'city', 'spark', 'min', 'spine', 'max'] as const) {
		x[k] = at;
		at += c[k] + c.gap;
	}
	const width = at - c.gap;
	const right = (k: 'value' | 'city' | 'min' | 'max') => x[k] + c[k];
	const text = (tx: number, ty: number, s: string, anchor = 'start', weight = '') =>
		`<text x="${n(tx)}" y="${n(ty)}"${anchor !== 'start' ? ` text-anchor="${anchor}"` : ''}${weight}>${escapeXml(s)}</text>`;
	const out: string[] = [];
	// column heads, bottom-aligned like the table's
	const headLines = wrapText(heads.spine, c.spine, measure, BOLD12);
	let y = headLines.length * LINE;
	const headY = y - 4;
	out.push(
		`<g font-weight="700" fill="#1a1a1a">`,
		text(x.label, headY, heads.indicator),
		text(right('value'), headY, heads.value, 'end'),
		text(right('city'), headY, heads.city, 'end'),
		text(x.spark, headY, heads.series),
		text(right('min'), headY, heads.min, 'end'),
		...headLines.map((l, i) => text(x.spine + c.spine / 2, headY - (headLines.length - 1 - i) * LINE, l, 'middle')),
		text(x.max, headY, heads.max),
		`</g>`,
		`<line x1="0" x2="${width}" y1="${y + 2}" y2="${y + 2}" stroke="#8c8c8c" stroke-width="2"/>`
	);
	y += 4;
	for (const g of groups) {
		out.push(`<rect x="0" y="${y}" width="${width}" height="22" fill="#e8eef5"/>`, text(4, y + 15, g.title, 'start', ' font-weight="700"'));
		y += 22;
		for (const r of g.rows) {
			const lines = wrapText(r.label, c.label - 4, measure, FONT12);
			const h = Math.max(26, lines.length * LINE + 8);
			const mid = y + h / 2;
			const base = mid + SIZE * 0.35;
			if (r.current) out.push(`<rect x="0" y="${y}" width="${width}" height="${h}" fill="#fff4ce"/>`);
			lines.forEach((l, i) => out.push(text(4, mid - ((lines.length - 1) * LINE) / 2 + i * LINE + SIZE * 0.35, l)));
			out.push(text(right('value'), base, r.value, 'end', ' font-weight="700"'), text(right('city'), base, r.city, 'end'));
			out.push(`<g fill="#4d4d4d">`, text(right('min'), base, r.min, 'end'), text(x.max, base, r.max), `</g>`);
			if (r.spark) out.push(placeSvg(r.spark.markup, { x: x.spark, y: mid - r.spark.height / 2, w: r.spark.width, h: r.spark.height }));
			if (r.spine) out.push(placeSvg(r.spine.markup, { x: x.spine, y: mid - r.spine.height / 2, w: r.spine.width, h: r.spine.height }));
			out.push(`<line x1="0" x2="${width}" y1="${n(y + h)}" y2="${n(y + h)}" stroke="#e2e2e2"/>`);
			y += h;
		}
	}
	const height = Math.ceil(y + 2);
	return {
		markup: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" font-size="${SIZE}" fill="#1a1a1a">${out.join('')}</svg>`,
		width,
		height
	};
}
