/**
 * Four Feinziele (operational targets) as a steering group would adopt them. Baselines are taken
 * from the generated data the way the engine computes them: for several areas, summed numerators
 * over summed denominators × multiplier, never the mean of the area rates.
 */
import type { Observation, Target } from '../../src/lib/data/types';
import type { Sozialraum } from './areas';
import { round } from './format';
import type { IndicatorDef } from './indicator-model';

/** Value of an indicator over a set of Sozialräume in one year (pooled numerators/denominators). */
export function pooledValue(
	observations: readonly Observation[],
	def: IndicatorDef,
	areaKeys: readonly string[],
	year: number
): number {
	const keys = new Set(areaKeys);
	let num = 0;
	let den = 0;
	for (const o of observations) {
		if (o.indicator_id !== def.id || o.year !== year || !keys.has(o.area_key)) continue;
		if (o.numerator === null || o.denominator === null) throw new Error(`no data for ${def.id} ${o.area_key} ${year}`);
		num += o.numerator;
		den += o.denominator;
	}
	return round((num / den) * def.multiplier, 6);
}

export function buildTargets(
	observations: readonly Observation[],
	defs: readonly IndicatorDef[],
	areas: readonly Sozialraum[]
): Target[] {
	const def = (id: string) => defs.find((d) => d.id === id)!;
	const ordinary = areas.filter((a) => a.tinyResidents === null);
	const value = (id: string, keys: string[], year: number) => pooledValue(observations, def(id), keys, year);
	const allKeys = areas.map((a) => a.key);
	const inBezirk = (b: string) => areas.filter((a) => a.parent === b).map((a) => a.key);

	// The poorest ordinary Sozialraum by child poverty in the baseline year.
	const poorest = [...ordinary].sort((a, b) => value('sgb2_u15', [b.key], 2020) - value('sgb2_u15', [a.key], 2020))[0];
	// The Stadtbezirk with the most language findings at school entry in 2019.
	const bezirke = [...new Set(areas.map((a) => a.parent))];
	const sprachBezirk = [...bezirke].sort((a, b) => value('sprache_befund', inBezirk(b), 2019) - value('sprache_befund', inBezirk(a), 2019))[0];
	// The two harbour quarters with the highest youth unemployment in the baseline year.
	const hafen = ordinary
		.filter((a) => a.parent === '06')
		.sort((a, b) => value('jugendarbeitslosigkeit', [b.key], 2021) - value('jugendarbeitslosigkeit', [a.key], 2021))
		.slice(0, 2)
		.map((a) => a.key)
		.sort();
	const sprachBaseline = value('sprache_befund', inBezirk(sprachBezirk), 2019);
	const jugendBaseline = value('jugendarbeitslosigkeit', hafen, 2021);
	const owner51 = 'Jugendamt, Abt. 51.2 Jugendhilfeplanung';

	return [
		{
			id: 'FZ01', indicator_id: 'sgb2_u15', scope_type: 'sozialraum', scope_keys: [poorest.key],
			baseline_year: 2020, baseline_value: value('sgb2_u15', [poorest.key], 2020), target_value: 25, target_year: 2030,
			owner: owner51, decision: 'JHA-Beschluss 2021/045 vom 14.09.2021',
			note: `Kinderarmut in ${poorest.name} senken: Familienzentrum, Babybesuche und BuT-Lotsen bündeln.`, status: 'adopted'
		},
		{
			id: 'FZ02', indicator_id: 'betreuung_u3', scope_type: 'city', scope_keys: [],
			baseline_year: 2020, baseline_value: value('betreuung_u3', allKeys, 2020), target_value: 45, target_year: 2028,
			owner: 'Jugendamt, Abt. 51.3 Kindertagesbetreuung', decision: 'Ratsbeschluss 2021/112 vom 30.11.2021',
			note: 'Ausbau der U3-Plätze in Kitas und Kindertagespflege gemäß Kita-Bedarfsplan.', status: 'adopted'
		},
		{
			id: 'FZ03', indicator_id: 'sprache_befund', scope_type: 'stadtbezirk', scope_keys: [sprachBezirk],
			baseline_year: 2019, baseline_value: sprachBaseline, target_value: round(sprachBaseline - 5, 1), target_year: 2027,
			owner: 'Gesundheitsamt, Abt. 53.2 Kinder- und Jugendgesundheitsdienst, mit dem Bildungsbüro', decision: 'JHA-Beschluss 2021/046 vom 14.09.2021',
			note: 'Ausgangsjahr 2019, weil die Schuleingangsuntersuchung 2020 ausfiel und 2021 nur teilweise stattfand.', status: 'adopted'
		},
		{
			id: 'FZ04', indicator_id: 'jugendarbeitslosigkeit', scope_type: 'sozialraum', scope_keys: hafen,
			baseline_year: 2021, baseline_value: jugendBaseline, target_value: round(jugendBaseline * 0.75, 1), target_year: 2028,
			owner: 'Jobcenter Musterstadt und Kommunale Koordinierungsstelle', decision: 'JHA-Beschluss 2022/017 vom 23.03.2022',
			note: 'Übergangscoaching und Jugendberufsagentur in beiden Quartieren verstärken.', status: 'adopted'
		}
	];
}
