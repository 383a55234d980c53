/**
 * The networks view in the URL (`/netzwerke/?ebene=stadtbezirk&netzwerk=N02`): the level whose
 * areas the coverage map and table show, and the network shown in detail. Only values this package
 * has are accepted; otherwise the defaults (the level above the finest when there are three or
 * more levels — Stadtbezirk, Gemeinde —, else the finest; no network).
 */
import { buildQuery } from '$lib/permalink';

export const NETWORK_PARAM = { level: 'ebene', network: 'netzwerk' } as const;

export interface NetworksView {
	level: string;
	network: string | null;
}

export function defaultLevel(levels: readonly string[]): string {
	return levels.length >= 3 ? levels[1] : (levels[0] ?? '');
}

export function parseNetworksView(params: URLSearchParams, levels: readonly string[], networkIds: ReadonlySet<string>): NetworksView {
	const level = params.get(NETWORK_PARAM.level) ?? '';
	const network = params.get(NETWORK_PARAM.network) ?? '';
	return { level: levels.includes(level) ? level : defaultLevel(levels), network: networkIds.has(network) ? network : null };
}

export function networksSearch(v: NetworksView, levels: readonly string[]): string {
	const pairs: [string, string][] = [];
	if (v.level !== defaultLevel(levels)) pairs.push([NETWORK_PARAM.level, v.level]);
	if (v.network) pairs.push([NETWORK_PARAM.network, v.network]);
	return buildQuery(pairs);
}
