import { describe, expect, it } from 'vitest';
import { EngineGate, type GateClock } from './engine-gate';

/** A clock whose timers run only when the test says so. */
function manualClock() {
	const pending = new Map<number, { run: () => void; ms: number }>();
	let next = 0;
	const clock: GateClock = {
		setTimeout: (run, ms) => (pending.set(++next, { run, ms }), next),
		clearTimeout: (id) => void pending.delete(id as number)
	};
	return { clock, pending, fire: () => [...pending.entries()].forEach(([id, t]) => (pending.delete(id), t.run())) };
}

/** Whether a promise has settled by the time the microtask queue has drained. */
async function settled(p: Promise<unknown>): Promise<boolean> {
	let done = false;
	p.then(() => (done = true));
	await new Promise((r) => setTimeout(r, 0));
	return done;
}

describe('EngineGate', () => {
	it('is open when nothing holds it', async () => {
		const gate = new EngineGate(manualClock().clock);
		expect(gate.held).toBe(false);
		expect(await settled(gate.opened())).toBe(true);
	});

	it('stays closed while held and opens when the hold is released', async () => {
		const gate = new EngineGate(manualClock().clock);
		const release = gate.hold(3000);
		const waiting = gate.opened();
		expect(gate.held).toBe(true);
		expect(await settled(waiting)).toBe(false);
		release();
		expect(gate.held).toBe(false);
		expect(await settled(waiting)).toBe(true);
	});

	it('opens only when the last of several holds is released, and a release counts once', async () => {
		const gate = new EngineGate(manualClock().clock);
		const a = gate.hold(3000);
		const b = gate.hold(3000);
		a();
		a();
		expect(gate.held).toBe(true);
		expect(await settled(gate.opened())).toBe(false);
		b();
		expect(await settled(gate.opened())).toBe(true);
	});

	it('releases a hold by itself after its longest time', async () => {
		const { clock, pending, fire } = manualClock();
		const gate = new EngineGate(clock);
		gate.hold(3000);
		expect([...pending.values()].map((t) => t.ms)).toEqual([3000]);
		const waiting = gate.opened();
		fire();
		expect(await settled(waiting)).toBe(true);
	});

	it('clears the timer of a released hold, so it cannot release a later one', async () => {
		const { clock, pending } = manualClock();
		const gate = new EngineGate(clock);
		gate.hold(3000)();
		expect(pending.size).toBe(0);
		gate.hold(3000);
		expect(gate.held).toBe(true);
	});

	it('can be held again after it opened', async () => {
		const gate = new EngineGate(manualClock().clock);
		gate.hold(3000)();
		gate.hold(3000);
		expect(await settled(gate.opened())).toBe(false);
	});
});
