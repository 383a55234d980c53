/**
 * Every fixture of tests/fixtures/import/expected.json through the real pipeline (readers, mapping,
 * join, package builder, package validator), compared with its expected outcome: a package summary
 * with spot values, or the exact German messages. `UPDATE_IMPORT_FIXTURES=1` rewrites the expected
 * outcomes (review the diff!). Also: the committed files are what the generator writes.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runImport, type ImportResult } from './pipeline';
import { configFiles, type ImportConfig } from './config';
import { generateFixtures, FIXTURE_DIR } from '../../../tests/fixtures/import/make-fixtures';
import { HUGE, hugeCsv, hugeGeometry, hugeIndicators } from '../../../tests/fixtures/import/huge';

const EXPECTED = join(FIXTURE_DIR, '..', 'expected.json');
interface Case {
	name: string;
	quirk: string;
	config: Partial<ImportConfig>;
	expect: { summary?: Summary; errors?: string[]; warnings?: string[] };
}
const spec = JSON.parse(readFileSync(EXPECTED, 'utf8')) as { defaults: Partial<ImportConfig>; cases: Case[] };
const UPDATE = process.env.UPDATE_IMPORT_FIXTURES === '1';

function configOf(c: Case): ImportConfig {
	return { ...spec.defaults, ...c.config } as ImportConfig;
}

function filesOf(config: ImportConfig) {
	const names = configFiles(config);
	return names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(FIXTURE_DIR, name))) }));
}

type Summary = {
	areas: Record<string, string>;
	indicators: string[];
	observations: number;
	years: number[];
	flags: Record<string, number>;
	values: Record<string, [number | null, number | null, number | null, string]>;
	/** Only with more than one level: levels with area counts (and versions), parents of the finest areas. */
	levels?: { id: string; areas: number; versions?: string[] }[];
	parents?: Record<string, string>;
	population?: number;
	crosswalk?: string[];
	provenance?: string[];
};

function summarise(r: ImportResult): Summary {
	const data = r.package!.data!;
	const obs = data.observations;
	const flags: Record<string, number> = {};
	for (const o of obs) flags[o.flag || 'ok'] = (flags[o.flag || 'ok'] ?? 0) + 1;
	const lastYear = Math.max(...obs.map((o) => o.year));
	const spot = obs.filter((o) => o.flag !== '' || (['0101', '0202'].includes(o.area_key) && o.year === lastYear)).slice(0, 12);
	return {
		areas: Object.fromEntries(Object.values(data.areas)[0].features.map((f) => [f.properties.key, f.properties.name])),
		indicators: data.indicators.map((i) => i.id),
		observations: obs.length,
		years: [...new Set(obs.map((o) => o.year))].sort(),
		flags,
		values: Object.fromEntries(spot.map((o) => [`${o.area_key}|${o.indicator_id}|${o.year}`, [o.value, o.numerator, o.denominator, o.flag]])),
		...extras(r)
	};
}

function extras(r: ImportResult): Partial<Summary> {
	const d = r.package!.data!.descriptor.sozialraum as { levels: { id: string; versions?: { id: string }[] }[] };
	const out: Partial<Summary> = {};
	if (d.levels.length > 1 || d.levels[0].versions) {
		out.levels = d.levels.map((l) => ({ id: l.id, areas: r.package!.data!.areas[l.id].features.length, ...(l.versions ? { versions: l.versions.map((v) => v.id) } : {}) }));
		out.parents = Object.fromEntries(Object.values(r.package!.data!.areas)[0].features.map((f) => [f.properties.key, f.properties.parent]));
	}
	if (r.population.length) out.population = r.population.length;
	if (r.crosswalk.length) out.crosswalk = r.crosswalk.map((c) => `${c.from_version}:${c.from_key} → ${c.to_version}:${c.to_key} ${c.weight} ${c.method}`);
	if (r.provenance.length) out.provenance = r.provenance.map((p) => p.note_de);
	return out;
}

const outcomes: Record<string, Case['expect']> = {};

describe('import fixtures', () => {
	it.each(spec.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		const r = await runImport(configOf(c), filesOf(configOf(c)));
		const errors = r.problems.filter((p) => p.severity === 'error').map((p) => p.message_de);
		const warnings = r.problems.filter((p) => p.severity === 'warning').map((p) => p.message_de);
		const outcome: Case['expect'] = r.package?.data ? { summary: summarise(r), ...(warnings.length ? { warnings } : {}) } : { errors, ...(warnings.length ? { warnings } : {}) };
		outcomes[c.name] = outcome;
		if (UPDATE) return;
		if (c.expect.errors) {
			expect(r.package?.data ?? null).toBeNull();
			expect(errors).toEqual(c.expect.errors);
			expect(warnings).toEqual(c.expect.warnings ?? []);
		} else {
			expect(errors).toEqual([]);
			expect(outcome.summary).toEqual(c.expect.summary);
			expect(warnings).toEqual(c.expect.warnings ?? []);
		}
	});

	it.runIf(UPDATE)('writes the outcomes back to expected.json', () => {
		for (const c of spec.cases) c.expect = outcomes[c.name];
		writeFileSync(EXPECTED, JSON.stringify(spec, null, 1) + '\n');
	});

	it('has at least 30 cases, each with a described quirk and an expected outcome', () => {
		expect(spec.cases.length).toBeGreaterThanOrEqual(30);
		for (const c of spec.cases) {
			expect(c.quirk.length).toBeGreaterThan(5);
			expect(c.expect.summary ?? c.expect.errors).toBeDefined();
		}
	});

	it('committed fixture files are exactly what make-fixtures.ts writes', async () => {
		const generated = await generateFixtures();
		expect(readdirSync(FIXTURE_DIR).sort()).toEqual(Object.keys(generated).sort());
		for (const [name, bytes] of Object.entries(generated)) {
			expect(new Uint8Array(readFileSync(join(FIXTURE_DIR, name))), name).toEqual(bytes);
		}
	});
});

describe('huge file (generated at test time)', () => {
	// 10 MB here keeps the unit run short; the browser test imports the full 50 MB (tests/e2e/import.e2e.ts)
	const mb = Number(process.env.IMPORT_HUGE_MB ?? 10);
	it(`imports a ${mb} MB long CSV with ${HUGE.areas} areas and ${HUGE.indicators} indicators`, { timeout: 180_000 }, async () => {
		const csv = hugeCsv(mb * 1024 * 1024);
		const rows = Math.round((HUGE.areas * HUGE.years * HUGE.indicators * mb) / 50);
		const config = { ...spec.defaults, geometry: { files: ['bloecke.geojson'] }, tables: [{ file: 'gross.csv' }], indicators: hugeIndicators() } as ImportConfig;
		const started = performance.now();
		const phases: string[] = [];
		const r = await runImport(config, [{ name: 'bloecke.geojson', bytes: hugeGeometry() }, { name: 'gross.csv', bytes: csv.subarray(0, csv.lastIndexOf(10, mb * 1024 * 1024) + 1) }], (phase) => {
			if (phases.at(-1) !== phase) phases.push(phase);
		});
		const seconds = (performance.now() - started) / 1000;
		console.log(`Import ${mb} MB: ${seconds.toFixed(1)} s, ${r.observations.length} Beobachtungen`);
		expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(r.package?.data?.observations.length).toBe(r.observations.length);
		expect(r.observations.length).toBeGreaterThan(rows * 0.9);
		expect(phases).toEqual(['tables', 'geometry', 'build']);
	});
});
