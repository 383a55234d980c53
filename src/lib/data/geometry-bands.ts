/**
 * Zoom bands of a level's geometry in the served layout (written at build time by
 * pipelines/serve/simplify.ts for levels with many areas): the same areas, simplified once per
 * band with the topology kept, so neighbours still share every vertex of their common boundary.
 * Shared by the build step (which writes them) and the map (which draws the band of its zoom).
 */
import type { GeometryBand, PackageDescriptor } from './types';

export type { GeometryBand };

/** The bands of one geometry file, lowest zoom first; [] when the build wrote none. */
export function geometryBands(descriptor: Pick<PackageDescriptor, 'sozialraum'>, geometryPath: string): GeometryBand[] {
	const bands = descriptor.sozialraum.geometry_bands?.[geometryPath] ?? [];
	return [...bands].sort((a, b) => (a.min_zoom ?? -Infinity) - (b.min_zoom ?? -Infinity));
}
