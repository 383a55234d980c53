import { describe, expect, it } from 'vitest';
import { looksLikePersonName } from './institution';

describe('looksLikePersonName', () => {
	it.each(['Frau Meier', 'Kita Löwenzahn (Herr Yilmaz)', 'Dr. Sommer', 'Praxis Prof. Lang', 'Dipl.-Päd. K. Berg'])('flags %s', (s) => {
		expect(looksLikePersonName(s)).toBe(true);
	});
	it.each(['Kita Löwenzahn', 'Polizeiwache Nord', 'Herrenhaus-Schule', 'Frauenberatungsstelle', 'Kinderarztpraxis am Markt', 'Hebammenpraxis Drehscheibe'])('accepts %s', (s) => {
		expect(looksLikePersonName(s)).toBe(false);
	});
});
