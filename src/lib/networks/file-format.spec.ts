import { describe, expect, it } from 'vitest';
import type { AreaInfo } from '$lib/data/engine';
import { MemoryStorage } from '$lib/store/storage';
import { planImport } from '$lib/store/import-plan';
import { decodeNetworks, NetworksFileError, networkFileTexts, networksZip, networkTables } from './file-format';
import type { NetworkRecord } from './model';
import { openNetworkStore } from './networks.svelte';

const a = (key: string, level: string, parent: string): AreaInfo => ({ key, name: key, level, parent });
const ctx = { areas: [a('0101', 'sozialraum', '01'), a('01', 'stadtbezirk', '00'), a('00', 'stadt', '')], levels: ['sozialraum', 'stadtbezirk', 'stadt'] };
const pkg: NetworkRecord[] = [{
	id: 'N01', name: 'Starke Kinder – Starke Jugend Mitte', level: 'stadtbezirk', area_key: '01', coordinator: 'Jugendamt, Koordinierungsstelle', description: 'Mit "Zitat", und Komma',
	members: [{ institution: 'Kita Löwenzahn', tier: 'operativ', type: 'kita', type_label: '' }, { institution: 'Tafel Mitte', tier: 'operativ', type: 'sonstige', type_label: 'Tafel' }],
	meetings: [{ date: '2024-03-12', topic: 'Übergang Kita–Schule' }, { date: '2025-03-11', topic: '' }]
}];
const enc = (s: string) => new TextEncoder().encode(s);
const files = (t: Record<string, string>) => Object.entries(t).map(([name, text]) => ({ name, bytes: enc(text) }));

describe('networks as files', () => {
	it('round-trips through the ZIP export and through the three CSV files', async () => {
		const s = await openNetworkStore(new MemoryStorage(), pkg, ctx);
		await s.create({ ...pkg[0], id: '', name: 'Netzwerk Frühe Hilfen', level: 'sozialraum', area_key: '0101', members: [], meetings: [{ date: '2026-01-20', topic: 'Start' }] });
		const zip = await networksZip(s.list());
		const fromZip = decodeNetworks(await networkFileTexts([{ name: 'netzwerke.zip', bytes: zip }]), ctx);
		expect(fromZip).toEqual(s.list());
		const fromCsv = decodeNetworks(await networkFileTexts(files(networkTables(s.list()))), ctx);
		expect(fromCsv).toEqual(s.list());
		expect(planImport('x', fromZip, s.list(), (x, y) => s.same(x, y)).identical).toHaveLength(2);
	});

	it('stops at the first problem with file, row and column, and never names persons', async () => {
		const t = networkTables(pkg);
		const bad = (patch: Record<string, string>) => () => decodeNetworks({ ...t, ...patch }, ctx);
		expect(bad({ 'network_members.csv': t['network_members.csv'] + 'N01,Frau Meier,operativ,hebamme,\n' })).toThrow('network_members.csv, Zeile 4, Spalte „institution“: Das sieht nach einem Personennamen aus; bitte nur die Institution nennen.');
		expect(bad({ 'network_meetings.csv': t['network_meetings.csv'] + 'N09,2025-01-01,x\n' })).toThrow('network_meetings.csv, Zeile 4, Spalte „network_id“: Netzwerk „N09“ ist in networks.csv nicht definiert.');
		expect(bad({ 'network_meetings.csv': t['network_meetings.csv'].replace('2025-03-11', '11.03.2025') })).toThrow('network_meetings.csv, Zeile 3, Spalte „date“: „11.03.2025“ ist kein Datum der Form JJJJ-MM-TT.');
		expect(bad({ 'networks.csv': t['networks.csv'].replace(',stadtbezirk,01,', ',stadtbezirk,07,') })).toThrow('networks.csv, Zeile 2, Spalte „area_key“: Bitte ein Gebiet dieser Ebene wählen („07“ gibt es dort nicht).');
		await expect(networkFileTexts(files({ 'members.csv': 'x' }))).rejects.toBeInstanceOf(NetworksFileError);
	});
});
