/** The tone of a status "traffic light": one place decides, the badge and the slide figure draw it. */
import type { TrackStatus } from './assess';
import type { ProjectionStatus } from './project';

export type LightTone = 'good' | 'bad' | 'open' | 'none';

export function lightTone(status: TrackStatus | ProjectionStatus | 'loading'): LightTone {
	if (status === 'on_track' || status === 'likely_met') return 'good';
	if (status === 'off_track' || status === 'likely_missed') return 'bad';
	return status === 'uncertain' ? 'open' : 'none';
}
