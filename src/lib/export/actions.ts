/** One entry of an export menu. `run` returns the name of the file it saved (shown as feedback). */
export interface ExportAction {
	id: string;
	label: string;
	run: () => Promise<string | void> | string | void;
	/** Shown but not runnable; `hint` says why (e.g. "select an area first"). */
	disabled?: boolean;
	hint?: string;
}

/** PDF the way every browser can: the print dialog ("Als PDF speichern"); print styles do the rest. */
export function printAction(label: string): ExportAction {
	return { id: 'print', label, run: () => window.print() };
}
