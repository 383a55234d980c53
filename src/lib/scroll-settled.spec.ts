import { describe, expect, it } from 'vitest';
import { keepInViewWhileSettling, type SettleEnv } from './scroll-settled';

/** A hand-driven clock, layout and input: the test says when the page changes and time passes. */
function fakeEnv() {
	let now = 0;
	let timers: { at: number; fn: () => void; id: number }[] = [];
	let next = 1;
	let change: (() => void) | null = null;
	let input: (() => void) | null = null;
	const env: SettleEnv = {
		observe(cb) {
			change = cb;
			return () => (change = null);
		},
		onInput(cb) {
			input = cb;
			return () => (input = null);
		},
		setTimeout(fn, ms) {
			const id = next++;
			timers.push({ at: now + ms, fn, id });
			return id;
		},
		clearTimeout(h) {
			timers = timers.filter((t) => t.id !== h);
		}
	};
	return {
		env,
		advance(ms: number) {
			const end = now + ms;
			for (;;) {
				const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
				if (!due) break;
				now = due.at;
				timers = timers.filter((t) => t !== due);
				due.fn();
			}
			now = end;
		},
		layoutChanges: () => change?.(),
		userInput: () => input?.(),
		listening: () => change !== null || input !== null,
		pending: () => timers.length
	};
}

describe('keepInViewWhileSettling', () => {
	it('scrolls at once and again on every layout change while they keep coming', () => {
		const f = fakeEnv();
		let scrolls = 0;
		keepInViewWhileSettling(() => scrolls++, f.env, { quietMs: 100, maxMs: 5000 });
		expect(scrolls).toBe(1);
		f.advance(50);
		f.layoutChanges(); // the chart above arrives
		f.advance(80);
		f.layoutChanges(); // the list grows
		expect(scrolls).toBe(3);
	});

	it('stops once the layout has been quiet, and ignores later changes', () => {
		const f = fakeEnv();
		let scrolls = 0;
		keepInViewWhileSettling(() => scrolls++, f.env, { quietMs: 100, maxMs: 5000 });
		f.advance(100);
		expect(f.listening()).toBe(false);
		expect(f.pending()).toBe(0);
		f.layoutChanges();
		expect(scrolls).toBe(1);
	});

	it('stops at the time limit even while the layout keeps changing', () => {
		const f = fakeEnv();
		let scrolls = 0;
		keepInViewWhileSettling(() => scrolls++, f.env, { quietMs: 100, maxMs: 250 });
		for (let i = 0; i < 5; i++) {
			f.advance(60);
			f.layoutChanges();
		}
		// changes at 60, 120, 180, 240 scroll; the limit at 250 stops before the one at 300
		expect(scrolls).toBe(5);
		expect(f.listening()).toBe(false);
	});

	it('leaves the page to the reader as soon as they scroll or type', () => {
		const f = fakeEnv();
		let scrolls = 0;
		keepInViewWhileSettling(() => scrolls++, f.env, { quietMs: 100, maxMs: 5000 });
		f.userInput();
		f.layoutChanges();
		expect(scrolls).toBe(1);
		expect(f.listening()).toBe(false);
		expect(f.pending()).toBe(0);
	});
});
