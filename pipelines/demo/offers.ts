/**
 * About 150 offers (Angebote) spread over the Sozialräume, roughly in proportion to the number of
 * residents. Some of the poorest areas get markedly fewer offers than their size suggests: the
 * kind of gap a steering group should discover with the offers layer.
 */
import type { Offer } from '../../src/lib/data/types';
import type { Sozialraum } from './areas';
import { bbox, pointInPolygon, type Pair } from './geometry';
import { round } from './format';
import { AREA_OFFER_KINDS, CENTRAL_OFFERS, TINY_AREA_OFFERS, type CentralOffer, type OfferKind } from './offer-templates';
import type { Population } from './population';
import { stream, type Stream, type Streams } from './random';

const REFERENCE_YEAR = 2025;

/** What a territory's offers are made of. */
export interface OfferSetup {
	kinds: readonly OfferKind[];
	/** Offers with a wider remit, placed in a given area (or once per parent area). */
	central: readonly CentralOffer[];
	/** The one offer each tiny area has, by area name. */
	tiny: typeof TINY_AREA_OFFERS;
	/** Rank (by deprivation, poorest = 0) of the ordinary areas with an offer gap. */
	gapRanks: readonly number[];
	/** One offer per this many residents, at least `min`, at most 8 per area. */
	residentsPerOffer: number;
	min: number;
	/** Postcode and town of an address in the area (default: Musterstadt's, by Stadtbezirk). */
	place?: (areaKey: string) => string;
}

export const MUSTERSTADT_OFFERS: OfferSetup = {
	kinds: AREA_OFFER_KINDS,
	central: CENTRAL_OFFERS,
	tiny: TINY_AREA_OFFERS,
	gapRanks: [0, 1, 3],
	residentsPerOffer: 1900,
	min: 1
};

/** A point well inside the polygon: also points ~40 m around it are inside. */
function placePoint(area: Sozialraum, rng: Stream): Pair {
	const [x0, y0, x1, y1] = bbox(area.polygon[0]);
	const m = 0.0006;
	for (let attempt = 0; attempt < 10000; attempt++) {
		const p: Pair = [round(rng.between(x0, x1), 5), round(rng.between(y0, y1), 5)];
		const probes: Pair[] = [p, [p[0] + m, p[1]], [p[0] - m, p[1]], [p[0], p[1] + m], [p[0], p[1] - m]];
		if (probes.every((q) => pointInPolygon(q, area.polygon))) return p;
	}
	throw new Error(`no point found inside ${area.key}`);
}

function pickWeighted(kinds: readonly OfferKind[], rng: Stream): OfferKind {
	const total = kinds.reduce((s, k) => s + k.weight, 0);
	let r = rng.uniform() * total;
	for (const k of kinds) {
		r -= k.weight;
		if (r < 0) return k;
	}
	return kinds[kinds.length - 1];
}

type Draft = Omit<Offer, 'id'>;

export function buildOffers(
	areas: readonly Sozialraum[],
	pop: Pick<Population, 'total'>,
	setup: OfferSetup = MUSTERSTADT_OFFERS,
	streams: Streams = stream
): Offer[] {
	const rng = streams('offers');
	const usedNames = new Set<string>();
	const unique = (name: string, area: Sozialraum) => {
		const result = usedNames.has(name) ? `${name} (${area.name})` : name;
		usedNames.add(result);
		return result;
	};
	const ordinary = areas.filter((a) => a.tinyResidents === null);
	const byNeed = [...ordinary].sort((a, b) => b.deprivation - a.deprivation || (a.key < b.key ? -1 : 1));
	const gapKeys = new Set(setup.gapRanks.map((r) => byNeed[r].key));
	const drafts: Draft[] = [];
	const add = (area: Sozialraum, d: Omit<Draft, 'area_key' | 'lon' | 'lat'>) => {
		const [lon, lat] = placePoint(area, rng);
		drafts.push({ ...d, area_key: area.key, lon, lat });
	};

	for (const c of setup.central) {
		const targets =
			c.area === 'bezirk'
				? [...new Set(areas.map((a) => a.parent))].map((b) => areas.find((a) => a.parent === b)!)
				: [areas.find((a) => a.key === c.area)!];
		for (const area of targets) {
			const suffix = c.area === 'bezirk' ? ` ${area.name}` : '';
			add(area, { ...c, name: unique(`${c.name}${suffix}`, area), places: null });
		}
	}

	for (const area of areas) {
		const tiny = setup.tiny[area.name];
		if (area.tinyResidents !== null) {
			if (tiny) add(area, { ...tiny, name: unique(tiny.name, area), places: tiny.places ?? null });
			continue;
		}
		let count = Math.round(pop.total(area.key, REFERENCE_YEAR) / setup.residentsPerOffer + rng.normal(0, 0.7));
		count = Math.min(8, Math.max(setup.min, count));
		if (gapKeys.has(area.key)) count = Math.max(1, Math.round(count * 0.25));
		const taken = new Map<string, number>();
		for (let i = 0; i < count; i++) {
			const open = setup.kinds.filter((k) => (taken.get(k.kind) ?? 0) < k.maxPerArea);
			const kind = pickWeighted(open, rng);
			taken.set(kind.kind, (taken.get(kind.kind) ?? 0) + 1);
			const name = kind.pattern.replace('{area}', area.name).replace('{name}', kind.names ? rng.pick(kind.names) : '');
			add(area, {
				name: unique(name, area),
				provider: rng.pick(kind.providers),
				life_phases: kind.life_phases,
				topics: kind.topics,
				places: kind.places ? 5 * Math.round(rng.between(kind.places[0], kind.places[1]) / 5) : null,
				description: kind.description,
				category: kind.category
			});
		}
	}

	// Stable order: by area key, then in order of creation; ids follow that order.
	const ordered = drafts
		.map((d, i) => ({ d, i }))
		.sort((x, y) => (x.d.area_key < y.d.area_key ? -1 : x.d.area_key > y.d.area_key ? 1 : x.i - y.i));
	// Addresses come from their own stream, after everything else: they were added later, and the
	// offers' other values must stay as they were.
	const streets = stream('offer-addresses');
	return ordered.map(({ d }, i) => ({ id: `A${String(i + 1).padStart(3, '0')}`, ...d, address: address(d.area_key, streets, setup.place ?? musterstadtPlace) }));
}

const STREETS = [
	'Lindenstraße', 'Bahnhofstraße', 'Kirchplatz', 'Schulstraße', 'Hafenweg', 'Am Markt', 'Gartenstraße', 'Zechenstraße',
	'Kanalstraße', 'Mühlenweg', 'Parkallee', 'Bergstraße', 'Rosenweg', 'Werftstraße', 'Friedrich-Ebert-Straße', 'Ringstraße',
	'Am Stadtwald', 'Brückenstraße', 'Goethestraße', 'Königsberger Straße'
];

/** "45102 Musterstadt": the postcode says the Stadtbezirk (first two key digits). */
const musterstadtPlace = (areaKey: string) => `451${areaKey.slice(0, 2)} Musterstadt`;

/** "Lindenstraße 12, 45102 Musterstadt". */
function address(areaKey: string, rng: Stream, place: (areaKey: string) => string): string {
	return `${rng.pick(STREETS)} ${rng.int(1, 140)}, ${place(areaKey)}`;
}
