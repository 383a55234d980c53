/**
 * What the import changed on the way from the delivered files to the package, kept in the package
 * (`datapackage.json` → `sozialraum.provenance`, docs/levels-and-versions.md): every confirmed map
 * repair, every confirmed name match, the key rule, parents found by containment, computed
 * crosswalks. A reader of the package can tell a delivered key from one the planner corrected.
 */
export interface ProvenanceEntry {
	action: 'rename' | 'drop' | 'merge' | 'drop_part' | 'clip' | 'accept' | 'name_match' | 'key_rule' | 'parent_by_containment' | 'crosswalk' | 'territory';
	level?: string;
	version?: string;
	/** The delivered file the step concerns. */
	file?: string;
	/** The step in one German sentence, as the wizard showed it. */
	note_de: string;
	/** Action-specific fields (feature, key, to, part, by, keys, from, method …). */
	[field: string]: unknown;
}
