/**
 * measures.csv in the package format (docs/data-package.md): the export, ready for the package,
 * and its import back, checked against this package (Feinziele, offers) like the form checks; the
 * first problem names file, row and column and stops the import (nothing changes).
 */
import { parseCsv, TABLE_SCHEMAS } from '$lib/data/package/csv';
import { tableCsv } from '$lib/data/package/write-csv';
import type { Measure } from '$lib/data/types';
import { decodeText } from '$lib/import/decode';
import { translate } from '$lib/i18n/translate';
import { canonicalMeasure, type MeasureRecord } from './model';
import { validateMeasure, type MeasureContext } from './validate';

export class MeasuresFileError extends Error {}

export function measuresCsv(records: readonly MeasureRecord[]): string {
	return tableCsv('measures', records);
}

export function decodeMeasures(file: string, bytes: Uint8Array, ctx: MeasureContext): MeasureRecord[] {
	const text = decodeText(bytes).text.replace(/^\ufeff/, '');
	const parsed = parseCsv<Measure>(text, TABLE_SCHEMAS.measures);
	const err = parsed.issues.find((i) => i.severity === 'error');
	if (err) throw new MeasuresFileError(`${file}${err.row ? `, Zeile ${err.row}` : ''}${err.column ? `, Spalte „${err.column}“` : ''}: ${err.message_de}`);
	const seen = new Map<string, number>();
	return parsed.rows.map((r, i) => {
		const row = parsed.rowNumbers[i];
		if (seen.has(r.id)) throw new MeasuresFileError(`${file}, Zeile ${row}, Spalte „id“: Maßnahme „${r.id}“ kommt mehrfach vor (zuerst in Zeile ${seen.get(r.id)}).`);
		seen.set(r.id, row);
		const m = canonicalMeasure(r);
		const issue = validateMeasure(m, ctx)[0];
		if (issue) throw new MeasuresFileError(`${file}, Zeile ${row}, Spalte „${issue.field}“: ${translate('de', issue.key, issue.params)}`);
		return m;
	});
}
