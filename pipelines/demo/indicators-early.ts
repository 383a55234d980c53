/**
 * Indicators of the context and the early life phases (pregnancy & birth, 0–3, 3–6).
 */
import { SOURCES, from, perThousand, percent, type IndicatorDef } from './indicator-model';

const ages = (lo: number, hi: number) => ({ kind: 'ages' as const, lo, hi });

export const EARLY_INDICATORS: readonly IndicatorDef[] = [
	percent({
		id: 'sgb2_u15', life_phase: 'kontext', topic: 'Soziale Lage', polarity: 'higher_is_worse',
		label_de: 'SGB-II-Quote unter 15 Jahren', label_en: 'Children under 15 receiving SGB II benefits',
		definition_de: 'Anteil der Kinder unter 15 Jahren in Bedarfsgemeinschaften nach dem SGB II (Bürgergeld, früher Hartz IV) an allen Kindern unter 15 Jahren; gängiges Maß für Kinderarmut.',
		definition_en: 'Share of children under 15 living in households receiving basic income support (SGB II) among all children under 15; the usual measure of child poverty.',
		numerator_label_de: 'Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften', denominator_label_de: 'Kinder unter 15 Jahren',
		source: SOURCES.ba, model: { den: ages(0, 14), base: 0, beta: 0, numerator: { sgb2: [0, 14] } }
	}),
	percent({
		id: 'alleinerziehend', life_phase: 'kontext', topic: 'Familie', polarity: 'higher_is_worse',
		label_de: 'Kinder in Alleinerziehenden-Haushalten', label_en: 'Children living with a single parent',
		definition_de: 'Anteil der Kinder unter 18 Jahren, die in einem Haushalt mit nur einem Elternteil leben, an allen Kindern unter 18 Jahren (Haushaltegenerierung aus dem Melderegister).',
		definition_en: 'Share of children under 18 living in a single-parent household among all children under 18 (households derived from the population register).',
		numerator_label_de: 'Kinder unter 18 Jahren in Alleinerziehenden-Haushalten', denominator_label_de: 'Kinder unter 18 Jahren',
		source: SOURCES.melde, model: { den: ages(0, 17), base: 0.19, beta: 0.3, trend: 0.005, sdArea: 0.1 }
	}),
	percent({
		id: 'migration', life_phase: 'kontext', topic: 'Bevölkerung', polarity: 'neutral',
		label_de: 'Kinder und Jugendliche mit Migrationshintergrund', label_en: 'Children with a migration background',
		definition_de: 'Anteil der unter 18-Jährigen mit eigener oder familiärer Zuwanderungsgeschichte an allen unter 18-Jährigen.',
		definition_en: 'Share of residents under 18 who immigrated themselves or have at least one immigrant parent.',
		numerator_label_de: 'unter 18-Jährige mit Migrationshintergrund', denominator_label_de: 'Einwohnerinnen und Einwohner unter 18 Jahren',
		source: SOURCES.melde, model: { den: ages(0, 17), base: 0.36, beta: 0.45, trend: 0.035, sdArea: 0.25 }
	}),
	perThousand({
		id: 'fluktuation', life_phase: 'kontext', topic: 'Bevölkerung', polarity: 'higher_is_worse',
		label_de: 'Fluktuation (Wanderungsvolumen)', label_en: 'Residential turnover',
		definition_de: 'Zu- und Fortzüge über die Grenze des Sozialraums (einschließlich Umzügen innerhalb der Stadt) je 100 Einwohnerinnen und Einwohner; hohe Werte deuten auf wenig stabile Nachbarschaften.',
		definition_en: 'Moves into and out of the area (including moves within the city) per 100 residents; high values point to unstable neighbourhoods.',
		numerator_label_de: 'Zu- und Fortzüge', denominator_label_de: 'Einwohnerinnen und Einwohner insgesamt',
		source: SOURCES.melde, model: { den: { kind: 'total' }, base: 0.21, beta: 0.12, trend: 0.004, sdArea: 0.12, yearEffect: { 2015: 0.12, 2016: 0.1, 2020: -0.1, 2022: 0.08 } }
	}, 100),
	perThousand({
		id: 'geburtenrate', life_phase: 'schwangerschaft_geburt', topic: 'Geburt', polarity: 'neutral',
		label_de: 'Allgemeine Geburtenrate', label_en: 'General fertility rate',
		definition_de: 'Lebendgeborene je 1.000 Frauen im Alter von 15 bis unter 45 Jahren.',
		definition_en: 'Live births per 1,000 women aged 15 to 44.',
		numerator_label_de: 'Lebendgeborene', denominator_label_de: 'Frauen von 15 bis unter 45 Jahren',
		source: SOURCES.melde, model: { den: { kind: 'women' }, base: 0, beta: 0, numerator: 'births' }
	}),
	percent({
		id: 'babybesuch_reichweite', life_phase: 'schwangerschaft_geburt', topic: 'Frühe Hilfen', polarity: 'higher_is_better',
		label_de: 'Reichweite des Babybesuchsdienstes', label_en: 'Reach of the baby welcome visits',
		definition_de: 'Anteil der Familien mit Neugeborenen, die der Babybesuchsdienst im ersten Lebensjahr erreicht hat, an allen Lebendgeborenen.',
		definition_en: 'Share of newborns whose family received a welcome visit in the first year, among all live births.',
		numerator_label_de: 'besuchte Familien mit Neugeborenen', denominator_label_de: 'Lebendgeborene',
		source: SOURCES.babybesuch,
		model: { den: { kind: 'births' }, base: 0.7, beta: -0.25, trend: 0.06, sdArea: 0.2, yearEffect: { 2020: -0.6, 2021: -0.3 } }
	}),
	percent({
		id: 'teenager_geburten', life_phase: 'schwangerschaft_geburt', topic: 'Geburt', polarity: 'higher_is_worse',
		label_de: 'Geburten von Müttern unter 20 Jahren', label_en: 'Births to mothers under 20',
		definition_de: 'Anteil der Lebendgeborenen, deren Mutter bei der Geburt jünger als 20 Jahre war, an allen Lebendgeborenen.',
		definition_en: 'Share of live births to mothers younger than 20 among all live births.',
		numerator_label_de: 'Lebendgeborene von Müttern unter 20 Jahren', denominator_label_de: 'Lebendgeborene',
		source: SOURCES.melde, model: { den: { kind: 'births' }, base: 0.022, beta: 0.45, trend: -0.02, sdArea: 0.15 }
	}),
	percent({
		id: 'sgb2_u1', life_phase: 'schwangerschaft_geburt', topic: 'Soziale Lage', polarity: 'higher_is_worse',
		label_de: 'SGB-II-Quote unter 1 Jahr', label_en: 'Infants under 1 receiving SGB II benefits',
		definition_de: 'Anteil der Säuglinge (unter 1 Jahr) in Bedarfsgemeinschaften nach dem SGB II an allen Säuglingen.',
		definition_en: 'Share of infants under 1 in households receiving SGB II benefits among all infants.',
		numerator_label_de: 'Säuglinge in SGB-II-Bedarfsgemeinschaften', denominator_label_de: 'Kinder unter 1 Jahr',
		source: SOURCES.ba, model: { den: ages(0, 0), base: 0, beta: 0, numerator: { sgb2: [0, 0] } }
	}),
	percent({
		id: 'sgb2_u3', life_phase: 'u3', topic: 'Soziale Lage', polarity: 'higher_is_worse',
		label_de: 'SGB-II-Quote unter 3 Jahren', label_en: 'Children under 3 receiving SGB II benefits',
		definition_de: 'Anteil der Kinder unter 3 Jahren in Bedarfsgemeinschaften nach dem SGB II an allen Kindern unter 3 Jahren.',
		definition_en: 'Share of children under 3 in households receiving SGB II benefits among all children under 3.',
		numerator_label_de: 'Kinder unter 3 Jahren in SGB-II-Bedarfsgemeinschaften', denominator_label_de: 'Kinder unter 3 Jahren',
		source: SOURCES.ba, model: { den: ages(0, 2), base: 0, beta: 0, numerator: { sgb2: [0, 2] } }
	}),
	percent({
		id: 'betreuung_u3', life_phase: 'u3', topic: 'Kindertagesbetreuung', polarity: 'higher_is_better',
		label_de: 'Betreuungsquote unter 3 Jahren', label_en: 'Childcare rate under 3',
		definition_de: 'Anteil der Kinder unter 3 Jahren in Kindertageseinrichtungen oder Kindertagespflege an allen Kindern unter 3 Jahren (Stichtag 1. März).',
		definition_en: 'Share of children under 3 in day-care centres or childminding among all children under 3 (reference date 1 March).',
		numerator_label_de: 'Kinder unter 3 Jahren in Kita oder Kindertagespflege', denominator_label_de: 'Kinder unter 3 Jahren',
		source: SOURCES.kita, model: { den: ages(0, 2), base: 0.2, beta: -0.3, trend: 0.065, sdArea: 0.12, yearEffect: { 2021: -0.05 } }
	}),
	percent({
		id: 'u_untersuchung', life_phase: 'u3', topic: 'Gesundheit', polarity: 'higher_is_better',
		label_de: 'Teilnahme an der Früherkennungsuntersuchung U7', label_en: 'Participation in the U7 check-up',
		definition_de: 'Anteil der Kinder im Alter von 2 Jahren, deren Teilnahme an der U7 (21.–24. Lebensmonat) gemeldet ist, an allen Kindern dieses Alters.',
		definition_en: 'Share of 2-year-olds with a reported U7 paediatric check-up (month 21–24) among all children of that age.',
		numerator_label_de: 'Kinder mit gemeldeter U7', denominator_label_de: 'Kinder im Alter von 2 Jahren',
		source: SOURCES.gesundheit, model: { den: ages(2, 2), base: 0.88, beta: -0.4, trend: 0.03, sdArea: 0.15 }
	}),
	perThousand({
		id: 'kinderschutz_8a', life_phase: 'u3', topic: 'Kinderschutz', polarity: 'higher_is_worse',
		label_de: 'Gefährdungseinschätzungen nach § 8a SGB VIII (unter 3 Jahren)', label_en: 'Child-protection assessments (§ 8a SGB VIII), under 3',
		definition_de: 'Verfahren zur Einschätzung einer Kindeswohlgefährdung nach § 8a SGB VIII für Kinder unter 3 Jahren je 1.000 Kinder unter 3 Jahren. Ab 2018 geänderte Erfassung (Zeitreihenbruch).',
		definition_en: 'Child-protection risk assessments (§ 8a SGB VIII) for children under 3 per 1,000 children under 3. Recording changed in 2018 (break in series).',
		numerator_label_de: 'Gefährdungseinschätzungen (Kinder unter 3 Jahren)', denominator_label_de: 'Kinder unter 3 Jahren',
		source: SOURCES.asd,
		model: { den: ages(0, 2), base: 0.011, beta: 0.4, trend: 0.03, sdArea: 0.15, breakYear: 2018, yearEffect: from(2018, 0.25) }
	}),
	percent({
		id: 'kita_3_6', life_phase: '3_6', topic: 'Kindertagesbetreuung', polarity: 'higher_is_better',
		label_de: 'Kita-Besuchsquote 3 bis unter 6 Jahre', label_en: 'Day-care attendance age 3 to 5',
		definition_de: 'Anteil der Kinder von 3 bis unter 6 Jahren in Kindertageseinrichtungen an allen Kindern dieses Alters.',
		definition_en: 'Share of children aged 3 to 5 attending a day-care centre among all children of that age.',
		numerator_label_de: 'Kinder von 3 bis unter 6 Jahren in Kitas', denominator_label_de: 'Kinder von 3 bis unter 6 Jahren',
		source: SOURCES.kita, model: { den: ages(3, 5), base: 0.9, beta: -0.35, trend: 0.02, sdArea: 0.15 }
	}),
	...schoolEntry()
];

function schoolEntry(): IndicatorDef[] {
	const common = {
		life_phase: '3_6' as const, source: SOURCES.seu,
		denominator_label_de: 'untersuchte Kinder (Schuleingangsuntersuchung)'
	};
	const note = ' 2020 keine Untersuchung (Pandemie), 2021 nur teilweise (vorläufig).';
	const noteEn = ' No examination in 2020 (pandemic); 2021 partial (provisional).';
	return [
		percent({
			...common, id: 'sprache_befund', topic: 'Bildung', polarity: 'higher_is_worse',
			label_de: 'Sprachauffälligkeiten bei der Einschulung', label_en: 'Language findings at school entry',
			definition_de: `Anteil der untersuchten Kinder mit Befund im Bereich Sprache (Förderbedarf oder Behandlung, SOPESS) an allen untersuchten Kindern.${note}`,
			definition_en: `Share of examined children with a finding in language (support need or treatment, SOPESS screening).${noteEn}`,
			numerator_label_de: 'untersuchte Kinder mit Sprachbefund',
			model: { den: { kind: 'seu' }, base: 0.22, beta: 0.5, trend: 0.01, sdArea: 0.12, schoolEntry: true, yearEffect: { 2021: 0.1, 2022: 0.15, 2023: 0.12, 2024: 0.1, 2025: 0.08 } }
		}),
		percent({
			...common, id: 'koerperkoordination_befund', topic: 'Gesundheit', polarity: 'higher_is_worse',
			label_de: 'Befund Körperkoordination bei der Einschulung', label_en: 'Motor coordination findings at school entry',
			definition_de: `Anteil der untersuchten Kinder mit Befund in der Körperkoordination (SOPESS) an allen untersuchten Kindern.${note}`,
			definition_en: `Share of examined children with a finding in gross motor coordination (SOPESS).${noteEn}`,
			numerator_label_de: 'untersuchte Kinder mit Befund Körperkoordination',
			model: { den: { kind: 'seu' }, base: 0.16, beta: 0.3, sdArea: 0.15, schoolEntry: true, yearEffect: { 2021: 0.12, 2022: 0.1, 2023: 0.05 } }
		}),
		percent({
			...common, id: 'uebergewicht_einschulung', topic: 'Gesundheit', polarity: 'higher_is_worse',
			label_de: 'Übergewicht bei der Einschulung', label_en: 'Overweight at school entry',
			definition_de: `Anteil der untersuchten Kinder mit Übergewicht einschließlich Adipositas (BMI über dem 90. Perzentil nach Kromeyer-Hauschild).${note}`,
			definition_en: `Share of examined children who are overweight or obese (BMI above the 90th percentile, Kromeyer-Hauschild).${noteEn}`,
			numerator_label_de: 'untersuchte Kinder mit Übergewicht',
			model: { den: { kind: 'seu' }, base: 0.095, beta: 0.35, sdArea: 0.12, schoolEntry: true, yearEffect: { 2021: 0.15, 2022: 0.12, 2023: 0.06 } }
		}),
		percent({
			...common, id: 'masern_impfung', topic: 'Gesundheit', polarity: 'higher_is_better',
			label_de: 'Masern-Impfquote (2 Dosen) bei der Einschulung', label_en: 'Measles vaccination (2 doses) at school entry',
			definition_de: `Anteil der Kinder mit zwei dokumentierten Masernimpfungen an den untersuchten Kindern, die einen Impfpass vorgelegt haben.${note}`,
			definition_en: `Share of children with two documented measles doses among examined children who showed a vaccination record.${noteEn}`,
			numerator_label_de: 'Kinder mit 2 Masernimpfungen', denominator_label_de: 'untersuchte Kinder mit vorgelegtem Impfpass',
			model: { den: { kind: 'seu_vaccination' }, base: 0.9, beta: -0.3, trend: 0.04, sdArea: 0.15, schoolEntry: true, yearEffect: from(2020, 0.25) }
		})
	];
}
