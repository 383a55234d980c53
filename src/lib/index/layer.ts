/**
 * One call for the atlas and the district profile: the index with the settings last used in the
 * builder (localStorage; the default settings when there are none), as an indicator-like layer.
 * Usage (browser only, after getEngine()):
 *   const layer = await currentIndexLayer(engine, localStorage, t);
 *   layer?.indicator  → Indicator (id 'sozialindex'), layer?.rows → AreaValue[] for layer.year
 */
import type { AreaValue, MonitorEngine } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import { indexAreaValues, indexIndicator } from './as-indicator';
import { describeMethod, type Translate } from './describe';
import { runIndex, type IndexRun } from './load';
import { loadCurrent } from './presets';
import { defaultSettings, type IndexSettings } from './settings';

export interface IndexLayer extends IndexRun {
	settings: IndexSettings;
	indicator: Indicator;
	rows: AreaValue[];
}

export async function currentIndexLayer(engine: MonitorEngine, store: Pick<Storage, 'getItem'> | null, t: Translate): Promise<IndexLayer | null> {
	const [indicators, yearsBy] = await Promise.all([engine.indicators(), engine.yearsByIndicator()]);
	const known = new Set(indicators.map((i) => i.id));
	const saved = store ? loadCurrent({ getItem: (k) => store.getItem(k), setItem: () => undefined }) : null;
	const settings = saved && saved.indicators.every((i) => known.has(i.id)) ? saved : defaultSettings(indicators);
	const run = await runIndex(engine, settings, { indicators, yearsBy });
	if (!run) return null;
	const label = (id: string) => indicators.find((i) => i.id === id)?.label_de ?? id;
	const text = describeMethod(settings, run.status, run.dynamics, { t, label, year: run.year, locale: 'de-DE' }).join(' ');
	return { ...run, settings, indicator: indexIndicator(settings, run.year, text), rows: indexAreaValues(run.status) };
}
