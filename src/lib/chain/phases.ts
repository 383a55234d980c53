/**
 * Life phases of the prevention chain and the age groups of population.csv that hold their
 * children. Pregnancy & birth is measured against the 0–2-year-olds (the families an early-help
 * offer reaches); 16–27 against 16–17 plus 18–26, the groups the data package provides.
 */
import { LIFE_PHASES, type LifePhase } from '$lib/data/types';

export type ChainPhase = Exclude<LifePhase, 'kontext'>;

export const CHAIN_PHASES: readonly ChainPhase[] = LIFE_PHASES.filter((p): p is ChainPhase => p !== 'kontext');

export const PHASE_AGE_GROUPS: Readonly<Record<ChainPhase, readonly string[]>> = {
	schwangerschaft_geburt: ['0_2'],
	u3: ['0_2'],
	'3_6': ['3_5'],
	'6_10': ['6_9'],
	'10_16': ['10_15'],
	'16_27': ['16_17', '18_26']
};
