/**
 * Networks name institutions, never persons: a package may be published, and a network list with
 * names of midwives or police officers would be personal data (DSGVO). A name cannot be told from
 * an institution with certainty; these are the forms of address and titles that give one away.
 * The validator warns and the editor refuses, both with the same test.
 */
const PERSON = /(^|[\s,(])(Frau|Herr|Hr\.|Fr\.|Dr\.|Prof\.|Dipl\.-[A-Za-zäöü]+\.?)(?=\s|$)/;

export function looksLikePersonName(text: string): boolean {
	return PERSON.test(text);
}
