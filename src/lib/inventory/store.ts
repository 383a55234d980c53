/**
 * The offer inventory (Angebotsbestand): the package's offers overlaid with what the coordinator
 * recorded, changed, ended or deleted in this browser, on the shared record store ($lib/store:
 * undo, a history per offer, conflicts with a new package version). Export writes offers.csv in the
 * package format; import goes through read-offers.ts and plan-import.ts.
 */
import type { Offer } from '$lib/data/types';
import { tableCsv } from '$lib/data/package/write-csv';
import { RecordStore } from '$lib/store/record-store';
import type { EntryStorage } from '$lib/store/storage';
import { openIdbStorage } from '$lib/store/idb-storage';
import { canonicalOffer, fromPackageOffer, newOfferId, readOfferRecord, type OfferRecord } from './offer-record';
import { validateOffer, type OfferContext, type OfferIssue } from './validate';

export type OfferStore = RecordStore<OfferRecord, OfferIssue>;

export const OFFER_LABELS = {
	create: 'inventory.undo.create',
	update: 'inventory.undo.update',
	remove: 'inventory.undo.remove',
	removeAll: 'inventory.undo.removeAll',
	import: 'inventory.undo.import',
	resolve: 'inventory.undo.resolve',
	notFound: 'inventory.err.notFound',
	invalid: 'inventory.err.invalid'
} as const;

export function openOfferStore(storage: EntryStorage<OfferRecord>, pkg: readonly Offer[], ctx: OfferContext, now?: () => Date): Promise<OfferStore> {
	return RecordStore.open<OfferRecord, OfferIssue>(storage, pkg.map(fromPackageOffer), {
		canonical: canonicalOffer,
		read: readOfferRecord,
		newId: newOfferId,
		validate: (o) => validateOffer(o, ctx),
		history: true,
		labels: OFFER_LABELS,
		now
	});
}

/** One database per data package (a municipality's inventory never mixes with the demo's). */
export function openOfferStorage(packageName: string): Promise<EntryStorage<OfferRecord>> {
	return openIdbStorage<OfferRecord>(`sozialraum-monitor.angebote.${packageName}`, 'offers');
}

/** offers.csv in the package format (docs/data-package.md), every offer including ended ones. */
export function offersCsv(records: readonly OfferRecord[]): string {
	return tableCsv('offers', records);
}
