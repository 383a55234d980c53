/**
 * Measured proposals for shared files. Each variant copies src/ into a private work folder, applies
 * one small source edit, builds the site and runs the same cold atlas runs as the benchmark, next to
 * an unpatched baseline built the same way, the runs interleaved so machine load hits all alike. The edit is also written as a unified
 * diff to .bench/proposals/<variant>.diff, ready for the lead to review and apply.
 *
 *   npx tsx tests/bench/variants.ts [--variants state-raw,presuppressed,preload-map] [--sizes demo,1000]
 *                                   [--runs 3] [--skip-baseline] [--only-combined]
 *
 * Results go into docs/performance.json ("proposals") and the proposals block of
 * docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { coldRun, type RunResult } from './atlas';
import { SIZES } from './config';
import { loadAverage } from './machine';
import { BENCH_DIR, buildSite, ensurePackage, worktree } from './prepare';
import { fmtMs } from './report';
import { withPrecomputedSuppression } from './presuppress';
import { serveLogged } from './server';
import { clickTargets } from './targets';
import { percentile, summarise, type Summary } from './stats';

interface Variant {
	id: string;
	title: string;
	/** Edit the copied source tree; throws when an anchor is not found (the source moved on). */
	apply(src: string): Promise<void>;
	/** The package this variant is built with (default: the size's package). */
	pkg?(dir: string): Promise<string>;
}

async function edit(file: string, f: (text: string) => string): Promise<void> {
	const before = await readFile(file, 'utf8');
	const after = f(before);
	if (after === before) throw new Error(`${file}: edit did not apply (anchor not found)`);
	await writeFile(file, after);
}

export const VARIANTS: Variant[] = [
	{
		id: 'state-raw',
		title: 'Engine data in $state.raw instead of deep $state (no proxies around GeoJSON and rows)',
		async apply(src) {
			// Geometry is only ever replaced as a whole: deep reactivity only adds proxy cost.
			const geometryFiles = ['lib/atlas/atlas.svelte.ts', 'lib/profile/profile.svelte.ts', 'lib/chain/chain-page.svelte.ts', 'lib/chain/offers-page.svelte.ts', 'lib/index/builder.svelte.ts'];
			for (const f of geometryFiles) {
				if (!existsSync(join(src, f))) continue;
				await edit(join(src, f), (t) => t.replace(/(\t\w+) = \$state<(AreaCollection[^>]*)>/g, '$1 = $state.raw<$2>'));
			}
			await edit(join(src, 'lib/atlas/atlas.svelte.ts'), (t) =>
				t.replace(/(\t(?:indicators|yearsBy|rows|series|city|allYears)) = \$state</g, '$1 = $state.raw<')
			);
		}
	},
	{
		id: 'presuppressed',
		title: 'Disclosure control decided before the browser (suppressed_cells.csv / suppressed_totals.csv in the package), read instead of computed at load',
		pkg: withPrecomputedSuppression,
		async apply(src) {
			await edit(join(src, 'lib/data/engine.ts'), (t) =>
				t.replace(
					'\t\tawait buildSuppressionTables(db, descriptor.sozialraum.disclosure);',
					`\t\t// A package may carry the decision (made by the same code at build or publish time).
		const decided = ['suppressed_cells', 'suppressed_totals'].map((n) => descriptor.resources.find((r) => r.name === n));
		if (decided.every((r) => r !== undefined)) {
			for (const r of decided as { name: string; path: string }[]) {
				const file = \`pkg_\${r.name}.csv\`;
				await db.registerFile(file, await source.read(r.path));
				try {
					await db.query(\`CREATE OR REPLACE TABLE \${r.name} AS SELECT * FROM read_csv('\${file}', header = true, delim = ',',
						quote = '"', escape = '"', auto_detect = false,
						columns = {'area_key': 'VARCHAR', 'indicator_id': 'VARCHAR', 'year': 'INTEGER', 'reason': 'VARCHAR'})\`);
					await db.query(\`UPDATE \${r.name} SET area_key = '' WHERE area_key IS NULL\`);
				} finally {
					await db.dropFile(file);
				}
			}
		} else await buildSuppressionTables(db, descriptor.sozialraum.disclosure);`
				)
			);
		}
	},
	{
		id: 'preload-map',
		title: 'Start loading the map code (MapLibre chunk) while the engine loads',
		async apply(src) {
			await edit(join(src, 'routes/+page.svelte'), (t) =>
				t.replace(/onMount\(\(\) => \{\n(\t+)atlas\.start\(\);/, "onMount(() => {\n$1// Download and compile MapLibre while the engine starts; the map needs it right after.\n$1void import('$lib/map/maplibre-choropleth');\n$1atlas.start();")
			);
		}
	}
];

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (isMain) await main();

async function main() {
	const { values } = parseArgs({
		options: {
			variants: { type: 'string', default: VARIANTS.map((v) => v.id).join(',') },
			sizes: { type: 'string', default: 'demo,1000' },
			runs: { type: 'string', default: '3' },
			combined: { type: 'boolean', default: true },
		'skip-baseline': { type: 'boolean', default: false },
		'only-combined': { type: 'boolean', default: false },
			json: { type: 'string', default: 'docs/performance.json' },
			md: { type: 'string', default: 'docs/performance.md' },
			timeout: { type: 'string', default: '400' }
		}
	});

	const started = Date.now();
	const log = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);

	/** Unified diff of every changed file between the project's src and a variant's copy. */
	function diffOf(copy: string): string {
		const out: string[] = [];
		const walk = (dir: string) => {
			for (const e of readdirSync(dir)) {
				const p = join(dir, e);
				if (statSync(p).isDirectory()) walk(p);
				else {
					const orig = join('src', relative(copy, p));
					if (existsSync(orig) && readFileSync(orig, 'utf8') === readFileSync(p, 'utf8')) continue;
					try {
						execFileSync('diff', ['-u', '--label', `a/${orig}`, '--label', `b/${orig}`, orig, p], { encoding: 'utf8' });
					} catch (e) {
						out.push((e as { stdout: string }).stdout);
					}
				}
			}
		};
		walk(copy);
		return out.join('');
	}

	interface Measured {
		variant: string;
		size: string;
		runs: number;
		engineReady: Summary | null;
		interactiveMap: Summary | null;
		mapAfterEngine: Summary | null;
		recolourP50: Summary | null;
		recolourP95: Summary | null;
		selectTrend: Summary | null;
		heapPeakMiB: Summary | null;
		errors: string[];
	}

	function summariseRuns(variant: string, size: string, runs: RunResult[], errors: string[]): Measured {
		const frames = runs.map((r) => r.recolour.map((c) => c.frame)).filter((l) => l.length);
		return {
			variant,
			size,
			runs: runs.length,
			engineReady: summarise(runs.map((r) => r.marks.atlas)),
			interactiveMap: summarise(runs.map((r) => r.marks.firstMap)),
			mapAfterEngine: summarise(runs.map((r) => (r.marks.firstMap ?? NaN) - (r.marks.atlas ?? NaN))),
			recolourP50: summarise(frames.map((l) => percentile(l, 50))),
			recolourP95: summarise(frames.map((l) => percentile(l, 95))),
			selectTrend: summarise(runs.map((r) => percentile(r.select.map((s) => s.frame), 50))),
			heapPeakMiB: summarise(runs.map((r) => r.heapPeakMiB)),
			errors: [...errors, ...runs.flatMap((r) => r.errors)]
		};
	}

	const chosen = values.variants!.split(',').filter(Boolean);
	const variants = VARIANTS.filter((v) => chosen.includes(v.id));
	const plan: Variant[] = [
		...(values['skip-baseline'] ? [] : [{ id: 'baseline', title: 'unpatched (built the same way)', apply: async () => {} }]),
		...(values['only-combined'] ? [] : variants)
	];
	if ((values.combined || values['only-combined']) && variants.length > 1) {
		plan.push({
			id: variants.map((v) => v.id).join('+'),
			title: 'all variants together',
			apply: async (src) => {
				for (const v of variants) await v.apply(src);
			},
			pkg: async (dir) => {
				for (const v of variants) if (v.pkg) dir = await v.pkg(dir);
				return dir;
			}
		});
	}

	await mkdir(join(BENCH_DIR, 'proposals'), { recursive: true });
	const results: Measured[] = [];
	const runs = Number(values.runs);
	const sizes = SIZES.filter((s) => values.sizes!.split(',').includes(s.id));
	const diffs: Record<string, string> = {};
	// Build every variant first, then interleave the cold runs (baseline, A, B, … for run 1, then
	// run 2, …): the shared machine's load drifts, and interleaving spreads the drift over all.
	const sites: { v: Variant; size: (typeof sizes)[number]; dir: string; pkg: string }[] = [];
	for (const v of plan) {
		const wt = await worktree(`v-${v.id.replace(/\+/g, '_')}`, ['src']);
		await v.apply(join(wt, 'src'));
		if (v.id !== 'baseline') {
			diffs[v.id] = diffOf(join(wt, 'src'));
			await writeFile(join(BENCH_DIR, 'proposals', `${v.id.replace(/\+/g, '_')}.diff`), diffs[v.id]);
		}
		for (const size of sizes) {
			const base = size.data ?? (await ensurePackage({ areas: size.areas, indicators: size.indicators, years: size.years }, log)).dir;
			const pkg = v.pkg ? await v.pkg(base) : base;
			const site = await buildSite(`${size.id}-${v.id.replace(/\+/g, '_')}`, pkg, log, { worktree: wt });
			sites.push({ v, size, dir: site.dir, pkg });
		}
	}
	const collected = new Map(sites.map((x) => [x, { list: [] as RunResult[], errors: [] as string[] }]));
	for (let r = 0; r < runs; r++) {
		for (const x of sites) {
			const c = collected.get(x)!;
			if (c.errors.length) continue;
			log(`run ${r + 1}/${runs}: ${x.v.id} @ ${x.size.id}`);
			const server = await serveLogged(x.dir);
			try {
				c.list.push(await coldRun({ server, recolourChanges: 10, clicks: clickTargets(x.pkg), run: r, timeoutMs: Number(values.timeout) * 1000, pixelCheck: r === 0 }));
			} catch (e) {
				c.errors.push((e as Error).message.split('\n')[0]);
			} finally {
				await server.close();
			}
		}
	}
	for (const x of sites) {
		const c = collected.get(x)!;
		const m = summariseRuns(x.v.id, x.size.id, c.list, c.errors);
		results.push(m);
		log(`${x.v.id} @ ${x.size.id}: engine ready ${fmtMs(m.engineReady?.median)}, map ${fmtMs(m.interactiveMap?.median)}, recolour p95 ${fmtMs(m.recolourP95?.median)}`);
	}

	// Write into performance.json ("proposals") and the proposals block of performance.md.
	const BEGIN = '<!-- proposals:begin (generated by tests/bench/variants.ts) -->';
	const END = '<!-- proposals:end -->';
	const json = existsSync(values.json!) ? JSON.parse(await readFile(values.json!, 'utf8')) : {};
	json.proposals = { date: new Date().toISOString(), loadAverage: loadAverage(), runsPerVariant: runs, variants: plan.map((p) => ({ id: p.id, title: p.title, diff: diffs[p.id] ?? null })), results };
	await writeFile(values.json!, `${JSON.stringify(json, null, '\t')}\n`);
	const L: string[] = [BEGIN, '', `Cold runs per variant and size: ${runs}, interleaved (baseline, variant, … in turn); median (min–max). Every variant is built from a copy of src/ with one edit (diffs in .bench/proposals/); "map after engine ready" is the interactive map minus engine ready of the same run.`, ''];
	L.push('| variant | size | engine ready | first interactive map | map after engine ready | recolour p50 / p95 (frame) | select → trend | peak JS heap |', '|---|---|---|---|---|---|---|---|');
	const c = (s: Summary | null) => (s ? (s.n > 1 ? `${fmtMs(s.median)} (${fmtMs(s.min)}–${fmtMs(s.max)})` : fmtMs(s.median)) : '–');
	for (const m of results) {
		L.push(`| ${m.variant} | ${m.size} | ${c(m.engineReady)} | ${c(m.interactiveMap)} | ${c(m.mapAfterEngine)} | ${fmtMs(m.recolourP50?.median)} / ${fmtMs(m.recolourP95?.median)} | ${c(m.selectTrend)} | ${m.heapPeakMiB ? `${Math.round(m.heapPeakMiB.median)} MiB` : '–'} |${m.errors.length ? ` ${m.errors[0].slice(0, 80)}` : ''}`);
	}
	L.push('', END);
	let md = existsSync(values.md!) ? await readFile(values.md!, 'utf8') : '# Performance\n';
	const a = md.indexOf(BEGIN);
	const b = md.indexOf(END);
	md = a >= 0 && b > a ? md.slice(0, a) + L.join('\n') + md.slice(b + END.length) : `${md.trimEnd()}\n\n## Measured proposals\n\n${L.join('\n')}\n`;
	await writeFile(values.md!, md);
	log(`done → ${values.json}, ${values.md}`);
}
