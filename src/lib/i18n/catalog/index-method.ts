/**
 * Sozialindex method choices: which standard deviation, where a value on a cut-off goes, and what
 * happens to the population minimum without population figures. Kept apart from chain.ts so the
 * texts of one method decision stay together.
 */
import type { Catalog } from './index';

export const de = {
	'index.sd': 'Standardabweichung',
	'index.sd.population.label': 'der Grundgesamtheit (÷ n, wie Berlin und Hamburg)',
	'index.sd.sample.label': 'als Stichprobe (÷ n − 1, wie SPSS und R)',
	'index.sd.population.short': 'SD der Grundgesamtheit, ÷ n',
	'index.sd.sample.short': 'Stichproben-SD, ÷ n − 1',
	'index.cutTie': 'Wert genau auf einer Grenze',
	'index.cutTie.lower.label': 'zählt zur unteren Klasse',
	'index.cutTie.upper.label': 'zählt zur oberen Klasse',
	'index.legendMethodSd': 'Grenzen {c0} / {c1} / {c2} SD ({sd}); {n} {lvls}',
	'index.classRangeUpper.1': 'unter {c0} SD',
	'index.classRangeUpper.2': 'ab {c0} bis unter {c1} SD',
	'index.classRangeUpper.3': 'ab {c1} bis unter {c2} SD',
	'index.classRangeUpper.4': 'ab {c2} SD',
	'index.method.sd.population':
		'Standardabweichungen sind die der einbezogenen {lvls} als Grundgesamtheit (Division durch n), wie im Berliner „Monitoring Soziale Stadtentwicklung“.',
	'index.method.sd.sample':
		'Standardabweichungen sind Stichproben-Standardabweichungen (Division durch n − 1, wie in SPSS und R); bei {n} {lvlsDat} sind sie um den Faktor {factor} größer als die der Grundgesamtheit.',
	'index.method.classesUpper':
		'Der Statusindex wird über die {n} einbezogenen {lvls} ({year}) erneut standardisiert und in vier Klassen geteilt: 1 hoch unter {c0} SD, 2 mittel ab {c0} bis unter {c1} SD, 3 niedrig ab {c1} bis unter {c2} SD, 4 sehr niedrig ab {c2} SD.',
	'index.method.tie.lower': 'Ein Wert genau auf einer Grenze zählt zur unteren Klasse.',
	'index.method.tie.upper': 'Ein Wert genau auf einer Grenze zählt zur oberen Klasse.',
	'index.method.dynamicsUpper':
		'Der Dynamikindex vergleicht {from} mit {to}: Die Veränderung jedes Indikators wird gleich ausgerichtet, standardisiert und gewichtet ({n} {lvls}). Unter {d0} SD gilt als positiv, ab {d1} SD als negativ, dazwischen stabil.',
	'index.method.populationUnknown': 'Keine Einwohnerzahlen im Datenpaket: Mindestgröße nicht angewandt.',
	'index.method.populationOff': 'Eine Mindestgröße ist nicht eingestellt: Alle {lvls} mit Werten sind einbezogen.',
	'index.minPopulationUnknown': 'Keine Einwohnerzahlen im Datenpaket: Mindestgröße nicht angewandt.',
	'present.index.settingsFull': 'Jahr {year} · {method} · {sd} · {population}',
	'present.index.min': 'einbezogen ab {min} Einwohnerinnen und Einwohnern',
	'present.index.minOff': 'ohne Mindestgröße'
};

export const en: Catalog<typeof de>['en'] = {
	'index.sd': 'Standard deviation',
	'index.sd.population.label': 'of the population (÷ n, as Berlin and Hamburg)',
	'index.sd.sample.label': 'as a sample (÷ n − 1, as SPSS and R)',
	'index.sd.population.short': 'population SD, ÷ n',
	'index.sd.sample.short': 'sample SD, ÷ n − 1',
	'index.cutTie': 'A value exactly on a cut-off',
	'index.cutTie.lower.label': 'goes to the lower class',
	'index.cutTie.upper.label': 'goes to the upper class',
	'index.legendMethodSd': 'Cut-offs {c0} / {c1} / {c2} SD ({sd}); {n} {lvls}',
	'index.classRangeUpper.1': 'below {c0} SD',
	'index.classRangeUpper.2': 'from {c0} to below {c1} SD',
	'index.classRangeUpper.3': 'from {c1} to below {c2} SD',
	'index.classRangeUpper.4': 'from {c2} SD',
	'index.method.sd.population':
		'Standard deviations are those of the included {lvls} as a population (divided by n), as in Berlin’s “Monitoring Soziale Stadtentwicklung”.',
	'index.method.sd.sample':
		'Standard deviations are sample standard deviations (divided by n − 1, as in SPSS and R); with {n} {lvls} they are larger than the population ones by a factor of {factor}.',
	'index.method.classesUpper':
		'The status index is standardised again across the {n} included {lvls} ({year}) and cut into four classes: 1 high below {c0} SD, 2 medium from {c0} to below {c1} SD, 3 low from {c1} to below {c2} SD, 4 very low from {c2} SD.',
	'index.method.tie.lower': 'A value exactly on a cut-off goes to the lower class.',
	'index.method.tie.upper': 'A value exactly on a cut-off goes to the upper class.',
	'index.method.dynamicsUpper':
		'The dynamics index compares {from} with {to}: the change of each indicator is oriented, standardised and weighted the same way ({n} {lvls}). Below {d0} SD counts as positive, from {d1} SD as negative, stable in between.',
	'index.method.populationUnknown': 'No population figures in the data package: minimum size not applied.',
	'index.method.populationOff': 'No minimum size is set: every area with values is included.',
	'index.minPopulationUnknown': 'No population figures in the data package: minimum size not applied.',
	'present.index.settingsFull': 'Year {year} · {method} · {sd} · {population}',
	'present.index.min': '{lvls} with at least {min} residents',
	'present.index.minOff': 'no minimum size'
};
