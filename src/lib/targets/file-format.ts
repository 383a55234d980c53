/**
 * Export and import files of targets. JSON carries a format name and version; CSV has the columns of
 * the package's targets.csv (so an export can become a package's targets.csv) plus `target_rule`,
 * which keeps a relative rule ("−10 %") so that export → import gives back exactly the same records.
 * Decoding checks the shape only; the store validates the content against the data package. Every
 * problem throws a TargetsFileError naming the file (and row and column, or target and field).
 */
import { csvFormat, csvParseRows } from 'd3';
import { parseTargetsCsv, TABLE_SCHEMAS } from '$lib/data/package/csv';
import type { Target } from '$lib/data/types';
import type { Locale, MessageKey } from '$lib/i18n/messages';
import { translate, type Params } from '$lib/i18n/translate';
import { canonical, type TargetRecord, type TargetRule } from './model';
import { readJsonRecord } from './json-record';
import type { Message } from '$lib/store/message';

export const FORMAT_ID = 'sozialraum-monitor/feinziele';
export const FORMAT_VERSION = 1;
export const RULE_COLUMN = 'target_rule';
export const CSV_COLUMNS = [...TABLE_SCHEMAS.targets.map((c) => c.name), RULE_COLUMN];

export type { Message };

/** A file that cannot be imported. `inner` is the detail (translated too); `detail` is raw text. */
export class TargetsFileError extends Error {
	constructor(readonly key: MessageKey, readonly params: Params, readonly inner?: Message) {
		super('');
		this.message = this.describe('de');
	}
	describe(locale: Locale): string {
		const message = this.inner ? translate(locale, this.inner.key, this.inner.params) : String(this.params.message ?? '');
		return translate(locale, this.key, { ...this.params, message });
	}
}

/** Where a record came from in its file, for messages: CSV row, or position and id in JSON. */
export type Origin = { row: number } | { n: number; id: string };

export interface Decoded {
	format: 'json' | 'csv';
	records: TargetRecord[];
	origins: Origin[];
}

export function toJson(records: readonly TargetRecord[], exported = new Date()): string {
	return JSON.stringify({ format: FORMAT_ID, version: FORMAT_VERSION, exported: exported.toISOString(), targets: records.map(canonical) }, null, 2) + '\n';
}

export function toCsv(records: readonly TargetRecord[]): string {
	const rows = records.map((t) => ({
		...Object.fromEntries(CSV_COLUMNS.map((c) => [c, cell(t, c)]))
	}));
	return csvFormat(rows, CSV_COLUMNS) + '\n';
}

function cell(t: TargetRecord, column: string): string {
	if (column === RULE_COLUMN) return ruleToText(t.rule);
	const v = t[column as keyof Target];
	if (Array.isArray(v)) return v.join('|');
	return typeof v === 'number' ? plainNumber(v) : String(v ?? '');
}

/** A number without exponent (the package CSV grammar has none), exact: 1e-7 → "0.0000001". */
export function plainNumber(v: number): string {
	const s = String(v);
	const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
	if (!m) return s;
	const [, sign, d, frac = '', e] = m;
	const digits = d + frac;
	const point = 1 + Number(e);
	if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
	return point >= digits.length ? `${sign}${digits}${'0'.repeat(point - digits.length)}` : `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** "" = absolute; "points:-3", "percent:-10", "gap:0.5:25.493025". */
export function ruleToText(r: TargetRule): string {
	if (r.kind === 'absolute') return '';
	if (r.kind === 'gap') return `gap:${plainNumber(r.factor)}:${plainNumber(r.reference)}`;
	return `${r.kind}:${plainNumber(r.delta)}`;
}

const NUM = '(-?\\d+(?:\\.\\d+)?)';
export function ruleFromText(text: string): TargetRule | null {
	if (text === '' || text === 'absolute') return { kind: 'absolute' };
	let m = new RegExp(`^(points|percent):${NUM}$`).exec(text);
	if (m) return { kind: m[1] as 'points' | 'percent', delta: Number(m[2]) };
	m = new RegExp(`^gap:${NUM}:${NUM}$`).exec(text);
	if (m) return { kind: 'gap', factor: Number(m[1]), reference: Number(m[2]) };
	return null;
}

/** Decode by file name (.json / .csv), else by the first character. */
export function decodeFile(file: string, text: string): Decoded {
	const lower = file.toLowerCase();
	const body = text.replace(/^\ufeff/, '');
	if (lower.endsWith('.json') || (!lower.endsWith('.csv') && body.trimStart().startsWith('{'))) return decodeJson(file, body);
	if (lower.endsWith('.csv') || body.startsWith('id,')) return decodeCsv(file, text);
	throw new TargetsFileError('targets.import.unknownType', { file });
}

function decodeJson(file: string, text: string): Decoded {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		throw new TargetsFileError('targets.import.notJson', { file, detail: (e as Error).message });
	}
	const obj = data as { format?: unknown; version?: unknown; targets?: unknown };
	if (!obj || typeof obj !== 'object' || obj.format !== FORMAT_ID || !Array.isArray(obj.targets)) {
		throw new TargetsFileError('targets.import.wrongFormat', { file });
	}
	if (obj.version !== FORMAT_VERSION) throw new TargetsFileError('targets.import.version', { file, version: String(obj.version), expected: FORMAT_VERSION });
	const records: TargetRecord[] = [];
	const origins: Origin[] = [];
	obj.targets.forEach((raw, i) => {
		const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : '?';
		const read = readJsonRecord(raw);
		if ('field' in read) throw new TargetsFileError('targets.import.jsonField', { file, n: i + 1, id, field: read.field }, read.problem);
		records.push(read.record);
		origins.push({ n: i + 1, id });
	});
	return { format: 'json', records, origins };
}

function decodeCsv(file: string, text: string): Decoded {
	const parsed = parseTargetsCsv(text);
	const error = parsed.issues.find((i) => i.severity === 'error');
	if (error) {
		const params = { file, row: error.row ?? 1, column: error.column ?? '', message: error.message_de };
		throw new TargetsFileError(error.column ? 'targets.import.csvCell' : 'targets.import.csvRow', params);
	}
	const raw = csvParseRows(text.replace(/^\ufeff/, ''));
	const ruleIndex = (raw[0] ?? []).indexOf(RULE_COLUMN);
	const records = parsed.rows.map((row, i) => {
		const rowNumber = parsed.rowNumbers[i];
		const ruleText = ruleIndex < 0 ? '' : (raw[rowNumber - 1]?.[ruleIndex] ?? '');
		const rule = ruleFromText(ruleText);
		if (!rule) throw new TargetsFileError('targets.import.csvCell', { file, row: rowNumber, column: RULE_COLUMN }, { key: 'targets.err.rule' });
		return { ...row, owner: row.owner ?? '', decision: row.decision ?? '', note: row.note ?? '', rule } as TargetRecord;
	});
	return { format: 'csv', records: records.map(canonical), origins: parsed.rowNumbers.map((row) => ({ row })) };
}
