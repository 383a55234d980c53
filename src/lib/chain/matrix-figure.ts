/**
 * The life phase × area matrix as SVG for export: a name column and one column per phase, every cell
 * with its category colour, symbol and short name and, below, need / coverage level, as in the HTML
 * table (nothing depends on colour alone). Pure: text widths come from `measure`.
 */
import { FONT, wrapText, type Measure } from '$lib/export/figure-layout';
import { escapeXml, type ChartGraphic } from '$lib/export/chart-figure-layout';

export interface MatrixFigureRow {
	name: string;
	note?: string;
	cells: { color: string; ink: string; symbol: string; label: string; levels: string }[];
}

const n = (v: number) => String(Math.round(v * 100) / 100);
const CELL = { w: 122, h: 32, gap: 2 };

/** The matrix as SVG: a name column, one column per phase; pure (text widths from `measure`). */
export function matrixGraphic(rows: MatrixFigureRow[], heads: { area: string; phases: string[] }, measure: Measure): ChartGraphic {
	const bold = `700 12px ${FONT}`;
	const nameWidth = Math.min(220, Math.ceil(Math.max(measure(heads.area, bold), ...rows.map((r) => measure(r.name, bold)))) + 12);
	const headLines = heads.phases.map((p) => wrapText(p, CELL.w - 6, measure, bold));
	const headHeight = Math.max(1, ...headLines.map((l) => l.length)) * 15 + 6;
	const width = nameWidth + heads.phases.length * (CELL.w + CELL.gap);
	const out: string[] = [`<g font-weight="700" fill="#1a1a1a">`, `<text x="0" y="${headHeight - 8}">${escapeXml(heads.area)}</text>`];
	headLines.forEach((lines, j) => {
		const x = nameWidth + j * (CELL.w + CELL.gap) + 3;
		lines.forEach((l, i) => out.push(`<text x="${x}" y="${headHeight - 8 - (lines.length - 1 - i) * 15}">${escapeXml(l)}</text>`));
	});
	out.push('</g>');
	let y = headHeight;
	for (const r of rows) {
		out.push(`<text x="0" y="${n(y + (r.note ? 13 : 20))}" font-weight="700">${escapeXml(r.name)}</text>`);
		if (r.note) out.push(`<text x="0" y="${n(y + 27)}" font-size="10" fill="#4d4d4d">${escapeXml(r.note)}</text>`);
		r.cells.forEach((c, j) => {
			const x = nameWidth + j * (CELL.w + CELL.gap);
			out.push(
				`<rect x="${x}" y="${y}" width="${CELL.w}" height="${CELL.h}" rx="2" fill="${escapeXml(c.color)}"/>`,
				`<g fill="${escapeXml(c.ink)}"><text x="${x + 5}" y="${y + 13}" font-size="11" font-weight="700">${escapeXml(`${c.symbol} ${c.label}`)}</text>`,
				`<text x="${x + 5}" y="${y + 26}" font-size="10">${escapeXml(c.levels)}</text></g>`
			);
		});
		y += CELL.h + CELL.gap;
	}
	const height = y;
	return { markup: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" font-size="12" fill="#1a1a1a">${out.join('')}</svg>`, width, height };
}
