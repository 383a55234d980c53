/**
 * What the data-quality report is made of. Each check produces findings; a finding names the
 * indicator, the years and the areas it is about, so the report can link each one to the indicator
 * page and the area profiles, and the page turns `check` + `detail` into a German or English
 * sentence through the i18n layer (nothing here is user-facing text).
 */
import type { Observation, ValueType } from '$lib/data/types';

export type CheckId =
	/** Areas without a value in a year where others have one (named). */
	| 'missing_areas'
	/** A year without any value, documented with flag "missing" (e.g. no school-entry exam in 2020). */
	| 'missing_year'
	/** Cells withheld by disclosure control (primary or secondary). */
	| 'suppressed'
	/** Denominators below the disclosure threshold or the chosen minimum (values unreliable). */
	| 'small_denominator'
	/** A proportion whose numerator exceeds its denominator (a share above 100 %). */
	| 'numerator_above_denominator'
	/** One year far off the area's own neighbouring years (Hampel identifier). */
	| 'own_outlier'
	/** A lasting step in one area's series (robust z of the year-on-year change, level persists). */
	| 'jump'
	/** An area far off its neighbouring areas (median of the neighbours, robust z across areas). */
	| 'neighbour_outlier'
	/** Most areas change at once, far more than usual, without the flag "break". */
	| 'series_break'
	/** A change of method the package marks with the flag "break" (for the record). */
	| 'documented_break'
	/** Values of a coarser level that are not the sum of their parts. */
	| 'level_sum';

/** warning: probably wrong, look at it before a meeting; info: known limits of the data. */
export type Severity = 'warning' | 'info';

export interface Finding {
	check: CheckId;
	severity: Severity;
	/** "" for findings that concern no indicator (population sums). */
	indicator_id: string;
	/** Years concerned, ascending. */
	years: number[];
	/** Base-level area keys concerned (empty: the indicator as a whole). */
	areas: string[];
	/** An area of a coarser level the finding is about ("" = the whole territory), e.g. a total. */
	level_area?: string;
	/** Numbers for the message (value, expected value, robust z, counts …), never user text. */
	detail: Record<string, number>;
}

/** A published observation as the quality checks see it (withheld cells: flag "suppressed", no numbers). */
export type QualityObservation = Pick<Observation, 'area_key' | 'indicator_id' | 'year' | 'value' | 'numerator' | 'denominator' | 'flag'>;

/** One area's value in one year with the numbers needed for its sampling error. */
export interface SeriesPoint {
	year: number;
	value: number;
	numerator: number | null;
	denominator: number | null;
	flag: Observation['flag'];
}

/** What the series checks need to know about the indicator. */
export interface IndicatorScale {
	value_type: ValueType;
	multiplier: number;
}
