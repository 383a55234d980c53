/** The atlas/profile layer on the demo package through the Node engine. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from '$lib/data/connector-node';
import { MonitorEngine } from '$lib/data/engine';
import { packageSourceFromDir } from '$lib/data/source-node';
import { translate } from '$lib/i18n/translate';
import type { MessageKey } from '$lib/i18n/messages';
import { currentIndexLayer } from './layer';
import { CURRENT_KEY } from './presets';
import { settings } from './fixtures';

const t = (k: MessageKey, p?: Record<string, string | number>) => translate('de', k, p);
const store = (v: unknown) => ({ getItem: (k: string) => (k === CURRENT_KEY ? JSON.stringify(v) : null) });
let engine: MonitorEngine;
beforeAll(async () => {
	engine = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir('data/musterstadt'));
}, 60_000);

describe('current index as a layer', () => {
	it('uses the default settings without a stored choice and gives one row per area', async () => {
		const layer = (await currentIndexLayer(engine, null, t))!;
		expect(layer.rows).toHaveLength(41);
		expect(layer.indicator.id).toBe('sozialindex');
		expect(layer.indicator.definition_de).toContain('Der Index fasst 3 Indikatoren zusammen');
		expect(layer.rows.filter((r) => r.value === null).every((r) => r.flag === 'missing')).toBe(true);
	});

	it('uses the settings last stored by the builder, and ignores ones for other data', async () => {
		const mine = await currentIndexLayer(engine, store(settings({ sgb2_u15: 1 })), t);
		expect(mine!.settings.indicators.map((i) => i.id)).toEqual(['sgb2_u15']);
		const foreign = await currentIndexLayer(engine, store(settings({ unbekannt: 1 })), t);
		expect(foreign!.settings.indicators.length).toBe(3);
	});
});
