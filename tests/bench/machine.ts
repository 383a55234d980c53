/**
 * What the numbers were measured on: CPU model, cores, memory, OS, Node and Chromium versions, and
 * the load average (the build machine is shared; a busy machine makes every figure slower), plus
 * memory sampling of the Chromium process tree (PSS, so shared pages are not counted twice).
 */
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
	cpu: string;
	cores: number;
	memoryGiB: number;
	os: string;
	node: string;
	chromium: string;
	/** WebGL renderer the benchmark's pages got (SwiftShader unless SOZIALRAUM_BENCH_GPU=1; tests/bench/gpu.ts). */
	renderer?: string;
	loadAverageStart: number[];
	loadAverageEnd?: number[];
	date: string;
}

function osName(): string {
	try {
		const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
		if (pretty) return `${pretty[1]} (Linux ${os.release()})`;
	} catch {
		/* not Linux */
	}
	return `${os.type()} ${os.release()}`;
}

function cpuModel(): string {
	try {
		const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
		if (m) return m[1].trim();
	} catch {
		/* not Linux */
	}
	return os.cpus()[0]?.model ?? 'unknown';
}

export function describeMachine(chromium: string, renderer?: string): Machine {
	return {
		cpu: cpuModel(),
		cores: os.cpus().length,
		memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
		os: osName(),
		node: process.version,
		chromium,
		renderer,
		loadAverageStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
		date: new Date().toISOString()
	};
}

export const loadAverage = (): number[] => os.loadavg().map((l) => Math.round(l * 100) / 100);

/** Process ids of every descendant of `root` (Linux /proc; empty elsewhere). */
function descendants(root: number): number[] {
	const parent = new Map<number, number>();
	try {
		for (const name of readdirSync('/proc')) {
			if (!/^\d+$/.test(name)) continue;
			try {
				const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
				// "pid (comm) state ppid …": comm may contain spaces, so split after the last ')'.
				const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
				parent.set(Number(name), ppid);
			} catch {
				/* process ended */
			}
		}
	} catch {
		return [];
	}
	const out: number[] = [];
	const frontier = [root];
	while (frontier.length) {
		const p = frontier.pop()!;
		for (const [child, pp] of parent) if (pp === p) {
			out.push(child);
			frontier.push(child);
		}
	}
	return out;
}

/** Sum of the proportional set size (PSS, MiB) of the Chromium processes started by this Node process. */
export function chromiumPssMiB(): number {
	let kb = 0;
	for (const pid of descendants(process.pid)) {
		try {
			const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			if (!/chrom/i.test(cmd)) continue;
			const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
			if (m) kb += Number(m[1]);
		} catch {
			/* process ended */
		}
	}
	return kb / 1024;
}
