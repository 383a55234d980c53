/**
 * Feinziele of Musterkreis, as a Kreis' steering group would adopt them: on a Gemeinde (the
 * Kreisstadt; the Gemeinde formed in 2021, with a baseline after the merger), on the whole Kreis
 * and on two Ortsteile. Baselines come from the data the way the engine computes them (pooled).
 */
import type { Observation, Target } from '../../../src/lib/data/types';
import { round } from '../format';
import type { IndicatorDef } from '../indicator-model';
import { pooledValue } from '../targets';
import { versionIn, type KreisAreas } from './areas';
import { GEMEINDEN, MERGED } from './names';

export function buildKreisTargets(observations: readonly Observation[], defs: readonly IndicatorDef[], areas: KreisAreas): Target[] {
	const def = (id: string) => defs.find((d) => d.id === id)!;
	const value = (id: string, keys: readonly string[], year: number) => pooledValue(observations, def(id), keys, year);
	const ortsteileOf = (gemeinde: string, year: number) => versionIn(areas, year).ortsteile.filter((o) => o.parent === gemeinde).map((o) => o.key);
	const allIn = (year: number) => versionIn(areas, year).ortsteile.map((o) => o.key);
	const kreisstadt = GEMEINDEN[0];

	const armut = value('sgb2_u15', ortsteileOf(kreisstadt.key, 2020), 2020);
	const sprache = value('sprache_befund', ortsteileOf(MERGED.key, 2022), 2022);
	// The two Ortsteile of the Kreisstadt the baby visiting service reached least in 2021, among
	// those with at least 20 births (below that a share says little).
	const births = (key: string) => observations.find((o) => o.indicator_id === 'babybesuch_reichweite' && o.area_key === key && o.year === 2021)!.denominator ?? 0;
	const wenig = ortsteileOf(kreisstadt.key, 2021)
		.filter((key) => births(key) >= 20)
		.sort((a, b) => value('babybesuch_reichweite', [a], 2021) - value('babybesuch_reichweite', [b], 2021) || (a < b ? -1 : 1))
		.slice(0, 2)
		.sort();
	const owner = 'Kreisjugendamt, Jugendhilfeplanung';

	return [
		{
			id: 'FZ01', indicator_id: 'sgb2_u15', scope_type: 'gemeinde', scope_keys: [kreisstadt.key],
			baseline_year: 2020, baseline_value: armut, target_value: round(armut - 4, 1), target_year: 2030,
			owner, decision: 'Kreis-JHA-Beschluss 2021/014 vom 22.06.2021',
			note: `Kinderarmut in der Kreisstadt ${kreisstadt.name} senken: Familienbüro, Babybesuche und BuT-Lotsen bündeln.`, status: 'adopted'
		},
		{
			id: 'FZ02', indicator_id: 'betreuung_u3', scope_type: 'city', scope_keys: [],
			baseline_year: 2020, baseline_value: value('betreuung_u3', allIn(2020), 2020), target_value: 45, target_year: 2028,
			owner: 'Kreisjugendamt, Kita-Bedarfsplanung', decision: 'Kreistagsbeschluss 2021/077 vom 09.12.2021',
			note: 'Ausbau der U3-Plätze in allen zehn Gemeinden gemäß Kita-Bedarfsplan des Kreises.', status: 'adopted'
		},
		{
			id: 'FZ03', indicator_id: 'sprache_befund', scope_type: 'gemeinde', scope_keys: [MERGED.key],
			baseline_year: 2022, baseline_value: sprache, target_value: round(sprache - 4, 1), target_year: 2028,
			owner: 'Gesundheitsamt des Kreises, Kinder- und Jugendgesundheitsdienst, mit dem Familienbüro Auetal', decision: 'Kreis-JHA-Beschluss 2023/005 vom 07.03.2023',
			note: `Ausgangsjahr 2022: Die Gemeinde ${MERGED.name} besteht seit 2021, die Schuleingangsuntersuchung 2021 war unvollständig.`, status: 'adopted'
		},
		{
			id: 'FZ04', indicator_id: 'babybesuch_reichweite', scope_type: 'ortsteil', scope_keys: wenig,
			baseline_year: 2021, baseline_value: value('babybesuch_reichweite', wenig, 2021), target_value: 85, target_year: 2027,
			owner: 'Kreisjugendamt, Frühe Hilfen', decision: 'Kreis-JHA-Beschluss 2022/009 vom 15.03.2022',
			note: 'Babybesuche in beiden Ortsteilen mit Sprachmittlung und festen Sprechzeiten im Familienbüro anbieten.', status: 'adopted'
		}
	];
}
