/**
 * In-memory shapes of a data package on its way in.
 *
 * LoadedPackage is what a reader produces (Node: load-node.ts; browser: fetch or a dropped folder):
 * the files, nothing interpreted yet. validate.ts turns it into problems and, when there are no
 * errors, into PackageData whose types the rest of the app can trust.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type {
	AreaProperties,
	CrosswalkRow,
	Indicator,
	Measure,
	Network,
	NetworkMeeting,
	NetworkMember,
	Observation,
	Offer,
	PackageDescriptor,
	PopulationRow,
	Target
} from '../types';

export interface LoadedPackage {
	/** datapackage.json after JSON.parse; undefined when it is missing or not valid JSON. */
	descriptor: unknown;
	/** GeoJSON files by path relative to the package root, after JSON.parse, not yet checked. */
	geojson: Record<string, unknown>;
	/** CSV files by path relative to the package root, as decoded UTF-8 text. */
	csv: Record<string, string>;
	/** Files that exist but could not be read or parsed: path → German reason. */
	unreadable: Record<string, string>;
}

export type ProblemSeverity = 'error' | 'warning';

/** One finding of the validator. row: 1-based line of a CSV (header = 1, first data row = 2). */
export interface Problem {
	severity: ProblemSeverity;
	/** Path inside the package, e.g. "observations.csv". */
	file: string;
	row?: number;
	column?: string;
	/** Full German sentence including file, row and column, ready to show. */
	message_de: string;
}

export type AreaFeatureCollection = FeatureCollection<Polygon | MultiPolygon, AreaProperties>;

/** A package that passed validation without errors. */
export interface PackageData {
	descriptor: PackageDescriptor;
	/** Area geometry by level id (descriptor.sozialraum.levels[].id): the level's newest version. */
	areas: Record<string, AreaFeatureCollection>;
	/** Every boundary version by level id and version id (a level without versions: none). */
	areaVersions: Record<string, Record<string, AreaFeatureCollection>>;
	indicators: Indicator[];
	observations: Observation[];
	population: PopulationRow[];
	offers: Offer[];
	targets: Target[];
	networks: Network[];
	network_members: NetworkMember[];
	network_meetings: NetworkMeeting[];
	measures: Measure[];
	/** crosswalk.csv (empty when the package has none). */
	crosswalk: CrosswalkRow[];
}

/** Resource names the validator knows how to read as tables. */
export const TABLE_RESOURCES = ['indicators', 'observations', 'population', 'offers', 'targets'] as const;
/**
 * Tables of the Bestandsaufnahme (networks and measures): optional without a warning, since most
 * packages from a statistics office will not have them (the app keeps them; see docs/data-package.md).
 */
export const INVENTORY_RESOURCES = ['networks', 'network_members', 'network_meetings', 'measures'] as const;
/** Tables a package may have; their absence is not worth a warning. */
export const OPTIONAL_TABLE_RESOURCES = ['crosswalk'] as const;
/** Tables a package cannot do without; the others may be absent (warning). */
export const REQUIRED_TABLES: readonly string[] = ['indicators', 'observations'];
