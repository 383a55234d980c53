/**
 * The file of derived indicators: what the page exports, what it imports, and — under the resource
 * name `derived` — what a data package may carry for adoption (docs/data-package.md, "derived.json"):
 *
 *   { "format": "sozialraum-monitor/eigene-indikatoren", "version": 1, "exported": "…",
 *     "indicators": [ { "id": "eigen_…", "label_de": "…", …, "formula": "zaehler = …; nenner = …" } ] }
 *
 * Decoding checks the shape field by field; whether the formula fits the data package is the
 * validator's and the engine's business. Every problem names the file, the entry and the field.
 */
import type { Locale, MessageKey } from '$lib/i18n/messages';
import { translate, type Params } from '$lib/i18n/translate';
import { LIFE_PHASES, POLARITIES } from '$lib/data/types';
import { canonical, RECORD_FIELDS, type DerivedRecord } from './model';

export const FORMAT_ID = 'sozialraum-monitor/eigene-indikatoren';
export const FORMAT_VERSION = 1;
/** Resource name and default path of the file inside a data package. */
export const RESOURCE_NAME = 'derived';
export const RESOURCE_PATH = 'derived.json';

export class DerivedFileError extends Error {
	constructor(readonly key: MessageKey, readonly params: Params = {}, readonly inner?: MessageKey) {
		super('');
		this.message = this.describe('de');
	}
	describe(locale: Locale): string {
		return translate(locale, this.key, this.inner ? { ...this.params, message: translate(locale, this.inner) } : this.params);
	}
}

export function toJson(records: readonly DerivedRecord[], exported = new Date()): string {
	return JSON.stringify({ format: FORMAT_ID, version: FORMAT_VERSION, exported: exported.toISOString(), indicators: records.map(canonical) }, null, 2) + '\n';
}

const TEXT_FIELDS = RECORD_FIELDS.filter((f) => f !== 'decimals');
const OPTIONAL = new Set<string>(['label_en', 'unit', 'topic', 'definition_de', 'definition_en', 'numerator_label_de', 'denominator_label_de']);

/** One entry checked field by field: the record, or the first field that is wrong. */
export function readRecord(raw: unknown): { record: DerivedRecord } | { field: string; problem: MessageKey } {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { field: '–', problem: 'derived.file.notObject' };
	const r = raw as Record<string, unknown>;
	for (const f of TEXT_FIELDS) {
		if (r[f] === undefined && OPTIONAL.has(f)) continue;
		if (typeof r[f] !== 'string') return { field: f, problem: r[f] === undefined ? 'derived.file.missing' : 'derived.file.string' };
	}
	if (typeof r.decimals !== 'number' || !Number.isInteger(r.decimals)) return { field: 'decimals', problem: 'derived.file.integer' };
	if (!POLARITIES.includes(r.polarity as never)) return { field: 'polarity', problem: 'derived.file.polarity' };
	if (!LIFE_PHASES.includes(r.life_phase as never)) return { field: 'life_phase', problem: 'derived.file.lifePhase' };
	const filled = Object.fromEntries(RECORD_FIELDS.map((f) => [f, r[f] ?? '']));
	return { record: canonical(filled as unknown as DerivedRecord) };
}

/** The records of a file (export or a package's derived.json). Throws DerivedFileError. */
export function decodeFile(file: string, text: string): DerivedRecord[] {
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		throw new DerivedFileError('derived.file.json', { file, message: (e as Error).message });
	}
	const root = json as Record<string, unknown> | null;
	if (!root || typeof root !== 'object' || root.format !== FORMAT_ID) throw new DerivedFileError('derived.file.format', { file, format: FORMAT_ID });
	if (root.version !== FORMAT_VERSION) throw new DerivedFileError('derived.file.version', { file, version: String(root.version) });
	if (!Array.isArray(root.indicators)) throw new DerivedFileError('derived.file.list', { file });
	const seen = new Set<string>();
	return root.indicators.map((entry, i) => {
		const read = readRecord(entry);
		const id = typeof (entry as { id?: unknown })?.id === 'string' ? (entry as { id: string }).id : '–';
		if ('problem' in read) throw new DerivedFileError('derived.file.entry', { file, n: i + 1, id, field: read.field }, read.problem);
		if (seen.has(read.record.id)) throw new DerivedFileError('derived.file.duplicate', { file, n: i + 1, id });
		seen.add(read.record.id);
		return read.record;
	});
}
