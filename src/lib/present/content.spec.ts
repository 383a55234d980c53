import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import type { AreaProperties } from '$lib/data/types';
import { area, settings, values } from '$lib/index/fixtures';
import { statusIndex } from '$lib/index/status';
import { STATUS_COLORS } from '$lib/index/map-model';
import { indicator, areaValue, city, series } from '$lib/profile/fixtures';
import { profileRow } from '$lib/profile/rows';
import type { ProfileState } from '$lib/profile/profile.svelte';
import { keyFacts } from '$lib/profile/facts';
import { choroplethItems, slideContent, type MapBody, type ProfileBody } from './content';
import type { ChoroplethModel } from '$lib/atlas/choropleth-model';

const noAreas = { type: 'FeatureCollection', features: [] } as FeatureCollection<Geometry, AreaProperties>;

describe('choroplethItems', () => {
	it('lists the classes, then suppressed areas as hatched and missing ones in grey', () => {
		const model = { legend: [{ color: '#fff', label: '1–2', count: 3 }], suppressed: 2, missing: 1 } as unknown as ChoroplethModel;
		const items = choroplethItems(model);
		expect(items.map((i) => i.swatch.kind)).toEqual(['color', 'hatch', 'color']);
		expect(items.map((i) => i.count)).toEqual(['3 Sozialräume', '2 Sozialräume', '1 Sozialräume']);
		expect(items[1].label).toContain('geheim');
	});
});

describe('slideContent', () => {
	it('draws an index view as its status map with the class legend, settings and sources', () => {
		const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
		const s = settings({ x: 1, y: 1 });
		const status = statusIndex(
			keys.map((k) => area(k)),
			{ x: values(keys, [1, 2, 3, 4, 5, 30]), y: values(keys, [6, 5, 4, 3, 2, 1]) },
			s,
			(id) => (id === 'x' ? 'higher_is_worse' : 'higher_is_better')
		);
		const inds = [indicator({ id: 'x', label_de: 'Armut', source: 'Amt A' }), indicator({ id: 'y', label_de: 'Kita', source: 'Amt B', polarity: 'higher_is_better' })];
		const c = slideContent(
			{ kind: 'index', index: { year: 2025, status, dynamics: null, settings: s, indicators: inds, areas: noAreas, parents: undefined, selected: null } },
			'Sozialindex'
		)!;
		const body = c.body as MapBody;
		expect(body.type).toBe('map');
		expect([...body.styles.values()].map((st) => st.color).every((col) => STATUS_COLORS.includes(col!))).toBe(true);
		expect(body.legend.items.map((i) => i.label.slice(0, 14))).toEqual(['1 – hoch (bis ', '2 – mittel (üb', '3 – niedrig (ü', '4 – sehr niedr']);
		expect(c.notes[0]).toBe('Der Index fasst 2 Indikatoren zusammen: Armut und Kita.');
		expect(c.notes[1]).toContain('Jahr 2025');
		expect(c.footer[0]).toBe('Quelle: Amt A; Amt B');
		expect(c.footer.join(' ')).toContain('Datenstand:');
	});

	it('draws a profile with the headline first, the comparison count beside it and each source once', () => {
		const values2025 = [areaValue('0101', 312, 1000), areaValue('0102', 190, 1000), areaValue('0103', 100, 1000), areaValue('0104', null, null, 'suppressed')];
		const row = (id: string, key = '0101', source = 'BA') =>
			profileRow({ indicator: indicator({ id, label_de: id, topic: id, source }), year: 2025, areaKey: key, values: values2025, series: series(2021, [200, 230, 260, 280, 312]), city: city(2021, [16, 17, 17.5, 18, 18.4]) });
		const rows = [row('a'), row('b', '0101', 'Jugendamt'), row('head'), row('c', '0101', 'Jugendamt')];
		const profile = {
			selection: { area: '0101', year: 2025, indicator: null },
			ready: true,
			area: { key: '0101', name: 'Altstadt', parent: '01', level: 'sozialraum' },
			district: { key: '01', name: 'Mitte', parent: '', level: 'stadtbezirk' },
			facts: keyFacts([{ age_group: 'insgesamt', persons: 8000 }]),
			rows,
			defaultIndicator: 'head'
		} as unknown as ProfileState;
		const c = slideContent({ kind: 'profile', profile }, 'Sozialraum Altstadt, 2025')!;
		const body = c.body as ProfileBody;
		expect(body.rows[0].indicator.id).toBe('head');
		expect(body).toMatchObject({ areaName: 'Altstadt', district: 'Mitte', year: 2025, label: 'Sozialraum Altstadt, 2025' });
		expect(c.notes).toEqual(['Im Vergleich mit dem Stadtwert (2025) ist der Wert bei 4 von 4 Indikatoren signifikant ungünstiger und bei 0 signifikant günstiger; bei 0 ist der Unterschied statistisch nicht gesichert.']);
		expect(c.footer[0]).toBe('Quelle: BA; Jugendamt');
	});

	it('draws nothing yet while a profile is still loading', () => {
		expect(slideContent({ kind: 'profile', profile: { selection: null, ready: false } as unknown as ProfileState }, 'x')).toBeNull();
	});
});
