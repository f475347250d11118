import { describe, expect, it } from 'vitest';
import { LISTENING, PAUSE_RULE, nextPauseState, type PausePhase } from './pause-detect';

const FRAME = PAUSE_RULE.frameMs;

/** Levels frame by frame: stretches of room noise or voice, each `ms` long. */
function levels(parts: readonly { ms: number; level: number }[]): number[] {
	return parts.flatMap((part) => Array<number>(Math.round(part.ms / FRAME)).fill(part.level));
}

/** The phase after each frame, and when (in ms from the start) each phase was first reached. */
function run(frames: readonly number[]): {
	phases: PausePhase[];
	reached: Map<PausePhase, number>;
} {
	let state = LISTENING;
	const phases: PausePhase[] = [];
	const reached = new Map<PausePhase, number>();
	frames.forEach((level, i) => {
		state = nextPauseState(state, level);
		phases.push(state.phase);
		if (!reached.has(state.phase)) reached.set(state.phase, (i + 1) * FRAME);
	});
	return { phases, reached };
}

const ROOM = 0.003;
const VOICE = 0.15;

describe('nextPauseState', () => {
	it('hears nothing in a quiet room, however long it listens', () => {
		expect(run(levels([{ ms: 10_000, level: ROOM }])).phases.at(-1)).toBe('listening');
	});

	it('hears nothing in a noisy room whose noise holds steady', () => {
		// Louder than the absolute floor, but the room's own level: a fan, a busy office.
		const hum = levels([{ ms: 6000, level: 0.03 }]).map((level, i) => level * (1 + 0.1 * (i % 3)));
		expect(run(hum).phases.at(-1)).toBe('listening');
	});

	it('takes a short cough for no speech, and a knock either', () => {
		const { phases } = run(
			levels([
				{ ms: 1000, level: ROOM },
				{ ms: 150, level: 0.4 },
				{ ms: 2000, level: ROOM },
				{ ms: 100, level: 0.6 },
				{ ms: 2000, level: ROOM }
			])
		);
		expect(phases).not.toContain('hearing');
		expect(phases.at(-1)).toBe('listening');
	});

	it('sends after speech and a pause, but not at a breath mid-sentence', () => {
		const { reached } = run(
			levels([
				{ ms: 800, level: ROOM },
				{ ms: 1500, level: VOICE },
				{ ms: 400, level: ROOM }, // a breath
				{ ms: 1000, level: VOICE },
				{ ms: 800, level: ROOM }, // a longer breath, still shorter than the pause
				{ ms: 700, level: VOICE },
				{ ms: 3000, level: ROOM }
			])
		);
		expect(reached.get('hearing')).toBe(800 + PAUSE_RULE.speechMs);
		const lastWord = 800 + 1500 + 400 + 1000 + 800 + 700;
		expect(reached.get('paused')).toBe(lastWord + PAUSE_RULE.pauseMs);
	});

	it('stays sent once the pause came, whatever is heard after', () => {
		const { phases } = run(
			levels([
				{ ms: 500, level: ROOM },
				{ ms: 1000, level: VOICE },
				{ ms: 1500, level: ROOM },
				{ ms: 1000, level: VOICE }
			])
		);
		expect(phases.at(-1)).toBe('paused');
	});

	it('hears a rep who was already speaking when it started listening, once they pause', () => {
		const { reached } = run(
			levels([
				{ ms: 600, level: VOICE },
				{ ms: 300, level: ROOM },
				{ ms: 1200, level: VOICE },
				{ ms: 2000, level: ROOM }
			])
		);
		expect(reached.get('hearing')).toBe(900 + PAUSE_RULE.speechMs);
		expect(reached.get('paused')).toBe(600 + 300 + 1200 + PAUSE_RULE.pauseMs);
	});

	it('hears a quiet speaker in a quiet room: voice well above the room, under the usual level', () => {
		const { reached } = run(
			levels([
				{ ms: 1000, level: 0.002 },
				{ ms: 1000, level: 0.02 },
				{ ms: 1500, level: 0.002 }
			])
		);
		expect(reached.get('hearing')).toBe(1000 + PAUSE_RULE.speechMs);
		expect(reached.get('paused')).toBe(2000 + PAUSE_RULE.pauseMs);
	});
});
