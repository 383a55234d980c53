/**
 * Networks as files: the three tables of the package format (networks.csv, network_members.csv,
 * network_meetings.csv, docs/data-package.md), exported together as one ZIP ready to put into the
 * package folder, and read back from that ZIP or from the CSV files chosen together. Every problem
 * is one German sentence naming the file, the row and the column, as the package validator words
 * it; the first one stops the import (nothing changes).
 */
import { parseCsv, TABLE_SCHEMAS, type TableName } from '$lib/data/package/csv';
import { tableCsv } from '$lib/data/package/write-csv';
import type { Network, NetworkMeeting, NetworkMember } from '$lib/data/types';
import { decodeText } from '$lib/import/decode';
import { readZip } from '$lib/import/zip-read';
import { writeZip } from '$lib/import/zip-write';
import { translate } from '$lib/i18n/translate';
import { networksFromPackage, type NetworkRecord } from './model';
import { validateNetwork, type NetworkContext } from './validate';

export const NETWORK_FILES = { networks: 'networks.csv', network_members: 'network_members.csv', network_meetings: 'network_meetings.csv' } as const;

export class NetworksFileError extends Error {}

export function networkTables(records: readonly NetworkRecord[]): Record<string, string> {
	const members = records.flatMap((n) => n.members.map((m) => ({ network_id: n.id, ...m })));
	const meetings = records.flatMap((n) => n.meetings.map((m) => ({ network_id: n.id, ...m })));
	return {
		[NETWORK_FILES.networks]: tableCsv('networks', records),
		[NETWORK_FILES.network_members]: tableCsv('network_members', members),
		[NETWORK_FILES.network_meetings]: tableCsv('network_meetings', meetings)
	};
}

export async function networksZip(records: readonly NetworkRecord[]): Promise<Uint8Array> {
	const enc = new TextEncoder();
	return writeZip(Object.entries(networkTables(records)).map(([name, text]) => ({ name, bytes: enc.encode(text) })));
}

const baseName = (path: string) => path.split(/[\\/]/).pop()!.toLowerCase();

/** The three tables from a ZIP or from CSV files; networks.csv is required, the other two optional. */
export async function networkFileTexts(files: readonly { name: string; bytes: Uint8Array }[]): Promise<Record<string, string>> {
	const flat: { name: string; bytes: Uint8Array }[] = [];
	for (const f of files) {
		if (/\.zip$/i.test(f.name)) {
			try {
				flat.push(...(await readZip(f.bytes)));
			} catch (e) {
				throw new NetworksFileError(`${f.name}: ${(e as Error).message}`);
			}
		} else flat.push(f);
	}
	const texts: Record<string, string> = {};
	for (const f of flat) {
		const name = baseName(f.name);
		if ((Object.values(NETWORK_FILES) as string[]).includes(name)) texts[name] = decodeText(f.bytes).text;
	}
	if (!texts[NETWORK_FILES.networks]) {
		throw new NetworksFileError(`${files.map((f) => f.name).join(', ')}: Die Datei „networks.csv“ fehlt (erwartet: networks.csv, dazu network_members.csv und network_meetings.csv, einzeln oder als ZIP).`);
	}
	return texts;
}

function table<T>(texts: Record<string, string>, name: keyof typeof NETWORK_FILES) {
	const file = NETWORK_FILES[name];
	const text = texts[file];
	if (text === undefined) return { file, rows: [] as T[], rowNumbers: [] as number[] };
	const parsed = parseCsv<T>(text.replace(/^\ufeff/, ''), TABLE_SCHEMAS[name as TableName]);
	const err = parsed.issues.find((i) => i.severity === 'error');
	if (err) throw new NetworksFileError(`${file}${err.row ? `, Zeile ${err.row}` : ''}${err.column ? `, Spalte „${err.column}“` : ''}: ${err.message_de}`);
	return { file, rows: parsed.rows, rowNumbers: parsed.rowNumbers };
}

/** Records from the three tables, checked against this package (levels, areas) like the form checks them. */
export function decodeNetworks(texts: Record<string, string>, ctx: NetworkContext): NetworkRecord[] {
	const nets = table<Network>(texts, 'networks');
	const members = table<NetworkMember>(texts, 'network_members');
	const meetings = table<NetworkMeeting>(texts, 'network_meetings');
	const seen = new Map<string, number>();
	nets.rows.forEach((n, i) => {
		const row = nets.rowNumbers[i];
		if (seen.has(n.id)) throw new NetworksFileError(`${nets.file}, Zeile ${row}, Spalte „id“: Netzwerk „${n.id}“ kommt mehrfach vor (zuerst in Zeile ${seen.get(n.id)}).`);
		seen.set(n.id, row);
	});
	for (const t of [members, meetings]) {
		t.rows.forEach((r, i) => {
			const id = (r as { network_id: string }).network_id;
			if (!seen.has(id)) throw new NetworksFileError(`${t.file}, Zeile ${t.rowNumbers[i]}, Spalte „network_id“: Netzwerk „${id}“ ist in networks.csv nicht definiert.`);
		});
	}
	const records = networksFromPackage(nets.rows, members.rows, meetings.rows);
	records.forEach((n, i) => {
		const issue = validateNetwork(n, ctx)[0];
		if (!issue) return;
		const text = translate('de', issue.key, issue.params);
		const m = /^(members|meetings)\.(\d+)\.(\w+)$/.exec(issue.field);
		if (!m) throw new NetworksFileError(`${nets.file}, Zeile ${nets.rowNumbers[i]}, Spalte „${issue.field}“: ${text}`);
		const t = m[1] === 'members' ? members : meetings;
		const rowsOf = t.rows.map((r, k) => ({ id: (r as { network_id: string }).network_id, row: t.rowNumbers[k] })).filter((r) => r.id === n.id);
		// meetings are sorted by date in the record: find the row by its content
		const row = m[1] === 'members' ? rowsOf[Number(m[2])]?.row : t.rowNumbers[t.rows.findIndex((r) => (r as NetworkMeeting).network_id === n.id && (r as NetworkMeeting).date === n.meetings[Number(m[2])].date)];
		throw new NetworksFileError(`${t.file}, Zeile ${row}, Spalte „${m[3]}“: ${text}`);
	});
	return records;
}
