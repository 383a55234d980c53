/**
 * Write a scale package to a folder, streaming the large tables, optionally with per-indicator
 * partitions of the observations (`parts/csv/<id>.csv`, `parts/arrow/<id>.arrow`) for the format
 * comparison in tests/bench. Partitions are not part of the package format: datapackage.json does
 * not list them, the site build does not bundle them (only top-level files are).
 */
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Float64, Table, Utf8, makeData, makeVector, tableToIPC } from 'apache-arrow';
import { FLAGS, type IndicatorColumns, type ScaleModel } from './model';
import { OBS_HEADER, buildScalePackage, observationLines } from './package';
import type { ScaleOptions } from './model';

export type PartFormat = 'csv' | 'arrow';

export interface WriteOptions {
	/** Write the monolithic observations.csv the app reads today (default true). */
	observations?: boolean;
	parts?: PartFormat[];
	/** Write partitions only for the first `partsLimit` indicators (default indicator first); default all. */
	partsLimit?: number;
	log?: (line: string) => void;
}

export interface WriteResult {
	dir: string;
	bytes: Record<string, number>;
	seconds: number;
}

/** A non-null Utf8 column from repeated strings (built directly: vectorFromArray is ~20× slower). */
function utf8Column(values: (i: number) => string, length: number) {
	const encoder = new TextEncoder();
	const cache = new Map<string, Uint8Array>();
	const offsets = new Int32Array(length + 1);
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (let i = 0; i < length; i++) {
		const text = values(i);
		let bytes = cache.get(text);
		if (!bytes) cache.set(text, (bytes = encoder.encode(text)));
		chunks.push(bytes);
		total += bytes.length;
		offsets[i + 1] = total;
	}
	const data = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		data.set(c, at);
		at += c.length;
	}
	return makeVector(makeData({ type: new Utf8(), length, nullCount: 0, valueOffsets: offsets, data }));
}

/** A Float64 column where NaN means null. */
function float64Column(values: Float64Array) {
	const length = values.length;
	const bitmap = new Uint8Array(Math.ceil(length / 8));
	let nullCount = 0;
	for (let i = 0; i < length; i++) {
		if (Number.isNaN(values[i])) nullCount++;
		else bitmap[i >> 3] |= 1 << (i & 7);
	}
	const data = Float64Array.from(values, (v) => (Number.isNaN(v) ? 0 : v));
	return makeVector(makeData({ type: new Float64(), length, nullCount, nullBitmap: nullCount ? bitmap : null, data }));
}

/** One indicator's observations as an Arrow IPC stream (what DuckDB-wasm's insertArrowFromIPCStream reads). */
export function indicatorArrow(model: ScaleModel, cols: IndicatorColumns): Uint8Array {
	const n = cols.value.length;
	const y = model.years.length;
	const table = new Table({
		area_key: utf8Column((i) => model.areas[Math.floor(i / y)].key, n),
		indicator_id: utf8Column(() => cols.id, n),
		year: makeVector(Int32Array.from({ length: n }, (_, i) => model.years[i % y])),
		value: float64Column(cols.value),
		numerator: float64Column(cols.numerator),
		denominator: float64Column(cols.denominator),
		flag: utf8Column((i) => FLAGS[cols.flag[i]], n)
	});
	return tableToIPC(table, 'stream');
}

export async function writeScalePackage(dir: string, options: ScaleOptions, w: WriteOptions = {}): Promise<WriteResult> {
	const started = performance.now();
	const log = w.log ?? (() => {});
	const pkg = buildScalePackage(options);
	const bytes: Record<string, number> = {};
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	for (const path of Object.keys(pkg.files).sort()) {
		await writeFile(join(dir, path), pkg.files[path], 'utf8');
		bytes[path] = Buffer.byteLength(pkg.files[path], 'utf8');
	}
	log(`areas, indicators, population, offers, targets written (${((performance.now() - started) / 1000).toFixed(1)} s)`);

	const parts = w.parts ?? [];
	for (const format of parts) await mkdir(join(dir, 'parts', format), { recursive: true });
	const mono = w.observations === false ? null : await open(join(dir, 'observations.csv'), 'w');
	if (mono) {
		await mono.write(OBS_HEADER);
		bytes['observations.csv'] = Buffer.byteLength(OBS_HEADER);
	}
	const { model } = pkg;
	let done = 0;
	// The default indicator first: a parts-only run with a limit still has what the first view needs.
	const ordered = mono ? model.indicators : [...model.indicators].sort((a, b) => Number(b.meta.id === model.defaultIndicator) - Number(a.meta.id === model.defaultIndicator));
	const limit = w.partsLimit ?? Infinity;
	for (const ind of ordered) {
		const withParts = done < limit || ind.meta.id === model.defaultIndicator;
		if (!mono && !withParts) break;
		const cols = pkg.columns(ind.meta.id);
		const lines = observationLines(model, cols);
		if (mono) {
			await mono.write(lines);
			bytes['observations.csv'] += Buffer.byteLength(lines);
		}
		if (withParts && parts.includes('csv')) {
			const path = `parts/csv/${ind.meta.id}.csv`;
			await writeFile(join(dir, path), OBS_HEADER + lines, 'utf8');
			bytes[path] = Buffer.byteLength(OBS_HEADER + lines);
		}
		if (withParts && parts.includes('arrow')) {
			const path = `parts/arrow/${ind.meta.id}.arrow`;
			const ipc = indicatorArrow(model, cols);
			await writeFile(join(dir, path), ipc);
			bytes[path] = ipc.byteLength;
		}
		if (++done % 10 === 0 || done === ordered.length) {
			log(`observations: ${done}/${ordered.length} indicators (${((performance.now() - started) / 1000).toFixed(1)} s)`);
		}
	}
	await mono?.close();
	return { dir, bytes, seconds: (performance.now() - started) / 1000 };
}
