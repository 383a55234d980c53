/**
 * The Bestandsaufnahme tables on the real DuckDB-wasm engine: a package without them loads with
 * them empty; with them, rows come back typed (lists split, text never NULL); offers.csv is read by
 * its header, so its columns may come in any order and the optional inventory columns may be absent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from './connector-node';
import { EngineError, MonitorEngine, type PackageSource } from './engine';
import { packageSourceFromDir } from './source-node';
import type { ResourceDescriptor } from './types';

const csv = (name: string): ResourceDescriptor => ({ name, path: `${name}.csv`, format: 'csv' });
const FILES: Record<string, string> = {
	// reordered, with the new optional columns partly present, and an unknown column
	'offers.csv': 'name,id,extra,area_key,lon,lat,life_phases,topics,provider,places,valid_to,category\nFamilienzentrum Altstadt,A1,x,0101,7.005,51.005,u3|3_6,Familie|Bildung,AWO,60,2025-12-31,Familienzentrum\nJugendtreff Nord,A2,y,0201,7.005,51.015,10_16,,Stadt,,,\n',
	'networks.csv': 'id,name,level,area_key,coordinator\nN1,Netzwerk Nord,stadtbezirk,02,Jugendamt\n',
	'network_members.csv': 'network_id,institution,tier,type,type_label\nN1,Kita Sonnenschein,operativ,kita,\nN1,Tafel Nord,operativ,sonstige,Tafel\n',
	'network_meetings.csv': 'network_id,date,topic\nN1,2025-03-12,Übergang Kita–Schule\nN1,2024-03-14,\n',
	'measures.csv': 'id,name,target_ids,offer_ids,responsible,start,status\nM1,Familienzentrum ausbauen,Z1|Z2,A1,Jugendamt,2024-01-01,running\nM2,Elternbriefe,Z2,,Jugendamt,,planned\n'
};

let plain: MonitorEngine;
let full: MonitorEngine;
let source: PackageSource;
beforeAll(async () => {
	source = await packageSourceFromDir('tests/fixtures/mini');
	plain = await MonitorEngine.load(await createNodeConnector(), source);
	const descriptor = { ...source.descriptor, resources: [...source.descriptor.resources, ...['networks', 'network_members', 'network_meetings', 'measures'].map(csv)] };
	full = await MonitorEngine.load(await createNodeConnector(), {
		descriptor,
		read: async (path) => (path in FILES ? new TextEncoder().encode(FILES[path]) : source.read(path))
	});
}, 120_000);

describe('Bestandsaufnahme tables', () => {
	it('are empty for a package without them', async () => {
		expect(await plain.networks()).toEqual([]);
		expect(await plain.networkMembers()).toEqual([]);
		expect(await plain.networkMeetings()).toEqual([]);
		expect(await plain.measures()).toEqual([]);
		const offers = await plain.offers();
		expect(offers[1]).toMatchObject({ id: 'A2', description: '', category: '', address: '', valid_from: null, valid_to: null });
	});

	it('come back typed, in file order (meetings by date), with text columns never NULL', async () => {
		expect(await full.networks()).toEqual([{ id: 'N1', name: 'Netzwerk Nord', level: 'stadtbezirk', area_key: '02', coordinator: 'Jugendamt', description: '' }]);
		expect((await full.networkMembers()).map((m) => [m.institution, m.type, m.type_label])).toEqual([['Kita Sonnenschein', 'kita', ''], ['Tafel Nord', 'sonstige', 'Tafel']]);
		expect((await full.networkMeetings()).map((m) => [m.date, m.topic])).toEqual([['2024-03-14', ''], ['2025-03-12', 'Übergang Kita–Schule']]);
		expect(await full.measures()).toEqual([
			{ id: 'M1', name: 'Familienzentrum ausbauen', target_ids: ['Z1', 'Z2'], offer_ids: ['A1'], responsible: 'Jugendamt', start: '2024-01-01', end: null, status: 'running', description: '' },
			{ id: 'M2', name: 'Elternbriefe', target_ids: ['Z2'], offer_ids: [], responsible: 'Jugendamt', start: null, end: null, status: 'planned', description: '' }
		]);
	});

	it('reads offers by their header names, whatever the column order', async () => {
		const [a1, a2] = await full.offers();
		expect(a1).toMatchObject({ id: 'A1', name: 'Familienzentrum Altstadt', provider: 'AWO', life_phases: ['u3', '3_6'], area_key: '0101', lon: 7.005, places: 60, valid_to: '2025-12-31', category: 'Familienzentrum', description: '' });
		expect(a2).toMatchObject({ id: 'A2', topics: [], places: null, category: '' });
	});

	it('names the file and the column when a required column is missing', async () => {
		const broken = 'id,name,provider,topics,area_key,lon,lat,places\nA1,x,y,,0101,7,51,\n';
		const err = await MonitorEngine.load(await createNodeConnector(), {
			descriptor: source.descriptor,
			read: async (path) => (path === 'offers.csv' ? new TextEncoder().encode(broken) : source.read(path))
		}).catch((e) => e);
		expect(err).toBeInstanceOf(EngineError);
		expect((err as Error).message).toBe('offers.csv: Pflichtspalte fehlt: „life_phases“.');
	});
});
