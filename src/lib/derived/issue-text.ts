/** A finding as one sentence, with the part of the formula it is about in front ("Zähler, Summand 2 („x.zaehler“): …"). */
import type { Locale } from '$lib/i18n/messages';
import { translate } from '$lib/i18n/translate';
import type { DerivedIssue } from './validate';

export function issueText(issue: Pick<DerivedIssue, 'key' | 'params' | 'where'>, locale: Locale = 'de'): string {
	const text = translate(locale, issue.key, issue.params);
	if (!issue.where) return text;
	const side = translate(locale, issue.where.side === 'numerator' ? 'derived.where.numerator' : 'derived.where.denominator');
	const where = issue.where.n > 0 ? translate(locale, 'derived.where.term', { side, n: issue.where.n, ref: String(issue.params?.ref ?? '') }) : side;
	return `${where}: ${text}`;
}
