/** An ISO date (YYYY-MM-DD) as "30.06.2026" / "30/06/2026"; parsed as a calendar date, not in a time zone. */
export function formatDate(iso: string, locale: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
	if (!m) return iso;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(d);
}
