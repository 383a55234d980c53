/**
 * Fixed text formatting for the written files: no exponent notation, no "-0", trailing zeros
 * trimmed, so the output does not depend on how a runtime prints floats.
 */
// Number and CSV formatting live with the package format, shared with the app's exports.
export { round, fmt, toCsv } from '../../src/lib/data/package/write-csv';

/** Plain code-point comparison: independent of the ICU collation of the machine. */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
