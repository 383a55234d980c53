/**
 * Names of the reference value when it is not the pooled city value but a mean of the areas'
 * shares (stats/reference-mean): every place that shows the reference says which it is.
 */
import type { Catalog } from './index';

export const de = {
	'reference.city': 'Stadtwert',
	'reference.mean': 'Mittelwert der Sozialräume (ungewichtet)',
	'reference.weightedTotal': 'Mittelwert der Sozialräume (nach Einwohnerzahl gewichtet)',
	'reference.weightedAge': 'Mittelwert der Sozialräume (nach Einwohnerzahl von {from} bis {to} Jahren gewichtet)',
	'reference.short.mean': 'Mittelwert (ungewichtet)',
	'reference.short.weighted': 'Mittelwert (gewichtet)',
	'reference.line': '{name} {year}: {value}',
	'reference.info': '{value} (aus {n} Sozialräumen)',
	'reference.why':
		'Für diesen Indikator liegen nur Anteile vor, keine Zähler und Nenner. Ein Stadtwert (Summe der Zähler durch Summe der Nenner) lässt sich daraus nicht bilden; Bezugswert ist der {name}.',
	'reference.footnote': 'Statt des Stadtwerts: {name}, weil für diesen Indikator nur Anteile ohne Zähler und Nenner vorliegen.',
	'reference.marker': 'Mittelwert statt Stadtwert',
	'reference.markNote': '{mark} {name} statt Stadtwert (nur Anteile, keine Zähler und Nenner)',
	'profile.sum.ind.aboveRef': 'Beim Indikator „{label}“ liegt der Wert mit {value} über dem {name} von {city}{trend}.',
	'profile.sum.ind.belowRef': 'Beim Indikator „{label}“ liegt der Wert mit {value} unter dem {name} von {city}{trend}.',
	'profile.sum.ind.equalRef': 'Beim Indikator „{label}“ entspricht der Wert mit {value} dem {name}{trend}.',
	'csv.cityBasis': 'Art des Bezugswerts',
	'reference.target': 'Gemessen am {name}: Für diesen Indikator liegen nur Anteile ohne Zähler und Nenner vor.',
	'ranking.summaryRef':
		'Höchster Wert: {maxArea} ({max}); niedrigster: {minArea} ({min}); {name}: {city}. Ohne Zähler und Nenner gibt es keine Konfidenzintervalle und keinen Signifikanztest.',
	'ranking.cityRef': '{name}: {value}',
	'dist.summaryRef': '{n} Sozialräume mit Wert. Median {median}, mittlere Hälfte {q25} bis {q75}, Spanne {min} bis {max}; {name} {city}.',
	'trends.summaryRef': '{name} {firstYear}: {first}, {lastYear}: {last}. Graue Linien: die einzelnen Sozialräume.',
	'trends.summaryBandsRef':
		'{name} {firstYear}: {first}, {lastYear}: {last}. Statt {n} einzelner Linien: der Median der Sozialräume und die Bänder, in denen die mittlere Hälfte und die mittleren 80 % der Sozialräume liegen.',
	'export.subtitleRef': '{territory} · Sozialräume · {name} {year}: {value}',
	'legend.method.compareRef': 'Vergleich mit dem {name} ({value}), {level}-Konfidenzintervall',
	'trend.summaryRef': '{area}: {first} ({firstYear}) → {last} ({lastYear}); {name}: {cityLast} ({lastYear}).',
	'present.caption.valuesRef': '{name} {year}: {city}. Höchster Wert: {maxArea} ({max}); niedrigster Wert: {minArea} ({min}).',
	'present.caption.compareRef': '{name}: {city}. Ohne Zähler und Nenner gibt es keine Konfidenzintervalle: Kein Sozialraum lässt sich als signifikant besser oder schlechter ausweisen.'
};

export const en: Catalog<typeof de>['en'] = {
	'reference.city': 'City value',
	'reference.mean': 'Mean of the areas (unweighted)',
	'reference.weightedTotal': 'Mean of the areas (weighted by population)',
	'reference.weightedAge': 'Mean of the areas (weighted by residents aged {from} to {to})',
	'reference.short.mean': 'Mean (unweighted)',
	'reference.short.weighted': 'Mean (weighted)',
	'reference.line': '{name} {year}: {value}',
	'reference.info': '{value} (from {n} areas)',
	'reference.why':
		'This indicator comes as shares only, without numerators and denominators. No city value (sum of numerators over sum of denominators) can be formed from them; the reference is the {name}.',
	'reference.footnote': 'Instead of the city value: {name}, because this indicator comes as shares without numerators and denominators.',
	'reference.marker': 'mean instead of city value',
	'reference.markNote': '{mark} {name} instead of the city value (shares only, no numerators and denominators)',
	'profile.sum.ind.aboveRef': 'For “{label}” the value of {value} is above the {name} of {city}{trend}.',
	'profile.sum.ind.belowRef': 'For “{label}” the value of {value} is below the {name} of {city}{trend}.',
	'profile.sum.ind.equalRef': 'For “{label}” the value of {value} equals the {name}{trend}.',
	'csv.cityBasis': 'Kind of reference value',
	'reference.target': 'Measured on the {name}: this indicator comes as shares without numerators and denominators.',
	'ranking.summaryRef':
		'Highest value: {maxArea} ({max}); lowest: {minArea} ({min}); {name}: {city}. Without numerators and denominators there are no confidence intervals and no significance test.',
	'ranking.cityRef': '{name}: {value}',
	'dist.summaryRef': '{n} areas with a value. Median {median}, middle half {q25} to {q75}, range {min} to {max}; {name} {city}.',
	'trends.summaryRef': '{name} {firstYear}: {first}, {lastYear}: {last}. Grey lines: the individual areas.',
	'trends.summaryBandsRef':
		'{name} {firstYear}: {first}, {lastYear}: {last}. Instead of {n} single lines: the median of the areas and the bands holding the middle half and the middle 80% of the areas.',
	'export.subtitleRef': '{territory} · social areas · {name} {year}: {value}',
	'legend.method.compareRef': 'Compared with the {name} ({value}), {level} confidence interval',
	'trend.summaryRef': '{area}: {first} ({firstYear}) → {last} ({lastYear}); {name}: {cityLast} ({lastYear}).',
	'present.caption.valuesRef': '{name} {year}: {city}. Highest: {maxArea} ({max}); lowest: {minArea} ({min}).',
	'present.caption.compareRef': '{name}: {city}. Without numerators and denominators there are no confidence intervals: no area can be shown to be significantly better or worse.'
};
