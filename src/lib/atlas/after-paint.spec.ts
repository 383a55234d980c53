import { describe, expect, it } from 'vitest';
import { afterPaint, LatestAfterPaint, type FrameClock } from './after-paint';

/**
 * A frame clock driven by hand, in the order a browser keeps: `frame()` runs the animation frame
 * callbacks (the frame is then painted), `tasks(ms)` lets time pass and runs the timers due.
 */
function manualClock() {
	let now = 0;
	let nextId = 1;
	let frames: (() => void)[] = [];
	const timers = new Map<number, { at: number; run: () => void }>();
	const clock: FrameClock = {
		requestAnimationFrame: (run) => frames.push(run),
		setTimeout: (run, ms) => {
			const id = nextId++;
			timers.set(id, { at: now + ms, run });
			return id;
		},
		clearTimeout: (id) => void timers.delete(id as number)
	};
	return {
		clock,
		frame() {
			const due = frames;
			frames = [];
			for (const f of due) f();
		},
		tasks(ms = 0) {
			now += ms;
			for (;;) {
				const due = [...timers].filter(([, t]) => t.at <= now).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
				if (!due) return;
				timers.delete(due[0]);
				due[1].run();
			}
		},
		get timers() {
			return timers.size;
		}
	};
}

describe('afterPaint', () => {
	it('runs the work in a task after the next animation frame, not before it', () => {
		const c = manualClock();
		const log: string[] = [];
		afterPaint(() => log.push('work'), c.clock);
		c.tasks(0);
		expect(log).toEqual([]);
		c.frame();
		log.push('painted');
		c.tasks(0);
		expect(log).toEqual(['painted', 'work']);
	});

	it('runs the work once, and after the fallback time when no frame comes (a hidden tab)', () => {
		const c = manualClock();
		let runs = 0;
		afterPaint(() => runs++, c.clock, 200);
		c.tasks(199);
		expect(runs).toBe(0);
		c.tasks(1);
		expect(runs).toBe(1);
		c.frame();
		c.tasks(1000);
		expect(runs).toBe(1);
		expect(c.timers).toBe(0);
	});

	it('does not run cancelled work', () => {
		const c = manualClock();
		let runs = 0;
		const cancel = afterPaint(() => runs++, c.clock);
		cancel();
		c.frame();
		c.tasks(1000);
		expect(runs).toBe(0);
	});
});

describe('LatestAfterPaint', () => {
	it('runs only the latest of the jobs scheduled before the paint', () => {
		const c = manualClock();
		const later = new LatestAfterPaint(c.clock);
		const ran: number[] = [];
		later.schedule(() => ran.push(1));
		later.schedule(() => ran.push(2));
		expect(later.pending).toBe(true);
		c.frame();
		c.tasks(0);
		expect(ran).toEqual([2]);
		expect(later.pending).toBe(false);
		later.schedule(() => ran.push(3));
		c.frame();
		c.tasks(0);
		expect(ran).toEqual([2, 3]);
	});

	it('flush runs the waiting job at once and cancel drops it', () => {
		const c = manualClock();
		const later = new LatestAfterPaint(c.clock);
		const ran: number[] = [];
		later.schedule(() => ran.push(1));
		later.flush();
		expect(ran).toEqual([1]);
		later.schedule(() => ran.push(2));
		later.cancel();
		c.frame();
		c.tasks(1000);
		expect(ran).toEqual([1]);
		expect(c.timers).toBe(0);
	});
});
