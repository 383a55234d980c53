import { initShown, takePackageParam } from '$lib/packages/choice.svelte';

/** Before the router starts: read `?paket=` from the link (and keep it out of the pages' URL). */
export function init(): void {
	takePackageParam();
	initShown();
}
