/** Messages between the wizard page and the import worker. */
import type { Analysis } from './analysis';
import type { ImportConfig } from './config';
import type { InputFile } from './geo-read';

export type WorkerRequest =
	| { type: 'files'; id: number; files?: InputFile[]; remove?: string[] }
	| { type: 'run'; id: number; config: ImportConfig; build: boolean };

export type WorkerResponse =
	| { type: 'progress'; id: number; phase: string; fraction: number }
	| { type: 'done'; id: number; analysis: Analysis | null }
	| { type: 'failed'; id: number; message: string };
