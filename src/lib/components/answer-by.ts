import { tick } from 'svelte';

/**
 * How a speaker answers by voice in call mode, chosen on the page and remembered in this browser:
 * holding a button while they speak, talking until a pause sends the reply, or recording a reply to
 * listen to before sending it.
 */
export const ANSWER_WAYS = ['hold', 'pause', 'record'] as const;
export type AnswerWay = (typeof ANSWER_WAYS)[number];

const KEY = 'rehearse.answer-by';

export function rememberedAnswerWay(): AnswerWay {
	try {
		const saved = localStorage.getItem(KEY);
		return ANSWER_WAYS.find((way) => way === saved) ?? 'hold';
	} catch {
		// Storage refused (private mode, a locked-down browser): the choice lasts for this page.
		return 'hold';
	}
}

export function rememberAnswerWay(way: AnswerWay): void {
	try {
		localStorage.setItem(KEY, way);
	} catch {
		// As above: nothing to keep it in.
	}
}

/**
 * Sends a reply given by voice alone: after Svelte has applied the recording to the page, so the
 * reply box no longer asks for typed text.
 */
export async function sendSpokenReply(form: HTMLFormElement | null): Promise<void> {
	await tick();
	form?.requestSubmit();
}
