/**
 * What a profile slide shows of a district's Steckbrief: the headline indicator (the package's
 * default, usually child poverty) and the rows with the clearest significant differences from the
 * city, worse before better, at most one per topic first (pickDiverse, as the summary does), filled
 * up in the Steckbrief's order. A committee sees eight rows it can read from the back of the room,
 * not thirty. And where each row goes in the slide's SVG figure (pure: text widths are measured by
 * an injected function, so the layout is testable without a canvas).
 */
import { wrapText, type Measure } from '$lib/export/figure-layout';
import { pickDiverse, strength } from '$lib/profile/notable';
import type { ProfileRow } from '$lib/profile/rows';

export const MAX_SLIDE_ROWS = 8;

export function slideRows(rows: readonly ProfileRow[], headline: string | null, max = MAX_SLIDE_ROWS): ProfileRow[] {
	const head = rows.find((r) => r.indicator.id === headline) ?? null;
	const rest = rows.filter((r) => r !== head);
	const taken = head ? [head.indicator.topic] : [];
	const strongest = (c: ProfileRow['comparison']) => rest.filter((r) => r.comparison === c).sort((a, b) => strength(b) - strength(a));
	const room = max - (head ? 1 : 0);
	const better = pickDiverse(strongest('better'), taken, Math.min(2, room));
	const worse = pickDiverse(strongest('worse'), taken, room - better.length);
	const out = [...(head ? [head] : []), ...worse, ...better];
	// room left: significant differences without a good direction, then the Steckbrief's order
	const fill = [...strongest('higher'), ...strongest('lower'), ...rest];
	for (const r of fill) {
		if (out.length >= max) break;
		if (!out.includes(r)) out.push(r);
	}
	return out.slice(0, max);
}

/** Geometry of the profile figure (SVG user units; the slide scales the whole figure). */
export const PROFILE_FIGURE = {
	width: 1100,
	factsHeight: 104,
	headerHeight: 40,
	rowHeight: 58,
	keyHeight: 60,
	label: { x: 8, width: 464, size: 24, line: 27 },
	value: { right: 592, size: 27 },
	city: { right: 700, size: 24 },
	spine: { x: 724, width: 228, height: 30 },
	word: { x: 968, width: 132, size: 21, line: 23 }
} as const;

export interface FigureRow {
	row: ProfileRow;
	/** Top of the row band. */
	y: number;
	labelLines: string[];
}

export interface ProfileFigureLayout {
	rows: FigureRow[];
	/** Top of the colour key below the rows. */
	keyY: number;
	height: number;
}

/** Shorten a line until it fits, ending it with "…". */
function cut(line: string, width: number, measure: Measure, font: string): string {
	let t = line;
	while (t.length > 1 && measure(`${t}…`, font) > width) t = t.slice(0, -1).trimEnd();
	return `${t}…`;
}

/**
 * Wrap to at most `max` lines; a cut last line ends with "…" and still fits, and so does a single
 * word too long for a line (German compounds), which wrapText keeps whole.
 */
export function clampLines(text: string, width: number, measure: Measure, font: string, max: number): string[] {
	const lines = wrapText(text, width, measure, font);
	const kept = lines.slice(0, max);
	if (lines.length > max) kept[max - 1] = cut(`${kept[max - 1]} ${lines[max]}`, width, measure, font);
	return kept.map((l) => (measure(l, font) > width ? cut(l, width, measure, font) : l));
}

export function profileFigureLayout(rows: readonly ProfileRow[], label: (r: ProfileRow) => string, measure: Measure, font: string): ProfileFigureLayout {
	const F = PROFILE_FIGURE;
	const labelFont = `600 ${F.label.size}px ${font}`;
	let y = F.factsHeight + F.headerHeight;
	const out = rows.map((row) => {
		const r = { row, y, labelLines: clampLines(label(row), F.label.width, measure, labelFont, 2) };
		y += F.rowHeight;
		return r;
	});
	return { rows: out, keyY: y + 14, height: y + 14 + F.keyHeight };
}
