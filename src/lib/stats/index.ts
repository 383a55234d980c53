/** Public API of the statistics modules (pure functions, no UI or data-loading code). */
export {
	classify,
	classifyPooled,
	classOf,
	finiteValues,
	poolValues,
	quantileType7,
	sdMultiplesFor,
	type ClassMethod,
	type Classification,
	type ClassifyOptions
} from './classify';
export { legendLabels, methodLabel, type LegendOptions } from './legend';
export {
	byarApproxInterval,
	byarInterval,
	exactPoissonInterval,
	rateInterval,
	wilsonInterval,
	EXACT_POISSON_BELOW,
	type Interval,
	type IntervalMethod
} from './intervals';
export {
	compareArea,
	compareToReference,
	intervalFor,
	pooledValue,
	withPolarity,
	type AreaCounts,
	type Comparison,
	type PolarityComparison
} from './compare';
export {
	funnelCurve,
	funnelPosition,
	proportionFunnelLimits,
	rateFunnelLimits,
	type FunnelLimits,
	type FunnelPosition
} from './funnel';
export {
	chiSquareTrendProportions,
	chiSquareTrendWeighted,
	recentTrend,
	trendWithPolarity,
	type Trend,
	type TrendPoint,
	type TrendResult,
	type TrendStatistic,
	type TrendWithPolarity
} from './trend';
export { formatNumber, formatValue, unitSuffix, MISSING_VALUE, type StatsLocale } from './format';
export {
	chiSquareQuantile,
	chiSquareSurvival,
	gammaP,
	gammaQ,
	gammaQuantile,
	normalCdf,
	normalQuantile,
	zForLevel
} from './distributions';
