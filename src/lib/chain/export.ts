/**
 * The matrix as a long CSV table (one row per area and life phase) for Excel: the steering group's
 * handout and the planner's own analyses. Header and category texts in the UI language.
 */
import type { Translate } from '$lib/index/describe';
import { toCsv, type Cell } from './csv';
import type { MatrixRow } from './matrix';
import { CHAIN_PHASES } from './phases';

export function matrixCsv(rows: readonly MatrixRow[], t: Translate): string {
	const header = [
		t('chain.col.area'), t('chain.col.key'), t('chain.col.phase'), t('chain.col.need'), t('chain.col.needLevel'), t('chain.col.indicators'),
		t('chain.col.children'), t('chain.col.offers'), t('chain.col.places'), t('chain.col.coverage'), t('chain.col.unit'), t('chain.col.coverageLevel'),
		t('chain.col.category')
	];
	const level = (l: string | null) => (l ? t(`chain.level.${l as 'low' | 'mid' | 'high'}`) : '');
	const out: Cell[][] = [];
	for (const r of rows) {
		for (const phase of CHAIN_PHASES) {
			const c = r.cells[phase];
			out.push([
				r.name, r.key, t(`phase.${phase}`), c.need.score, level(c.needLevel), c.need.n,
				c.coverage.children, c.coverage.offers, c.coverage.places,
				c.coverageValue === null ? null : Number(c.coverageValue.toFixed(2)),
				t(c.measure === 'places' ? 'chain.unit.places' : 'chain.unit.offers'), level(c.coverageLevel), t(`chain.catShort.${c.category}`)
			]);
		}
	}
	return toCsv(header, out);
}
