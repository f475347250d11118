import type { DraftData } from '../content/draft';
import { followMove, followRemove, moveEntry } from './list-edit';

export type QuizItemDraft = DraftData['quiz']['items'][number];
export const QUIZ_ITEM_TYPES = ['choice', 'order', 'classify'] as const;
export type QuizItemType = (typeof QUIZ_ITEM_TYPES)[number];

/** A new, empty question of a type, with the two entries each type needs at least. */
export function newQuizItem(type: QuizItemType): QuizItemDraft {
	if (type === 'choice')
		return { type, question: '', options: ['', ''], answer: null, explanation: '' };
	if (type === 'order') return { type, question: '', items: ['', ''], explanation: '' };
	return {
		type,
		question: '',
		classes: ['', ''],
		statements: [{ text: '', class: null }],
		explanation: ''
	};
}

/** Moves an option; the right answer stays on the same option. */
export function moveOption(item: QuizItemDraft, from: number, to: number): void {
	if (!item.options) return;
	moveEntry(item.options, from, to);
	item.answer = followMove(item.answer, from, to);
}

/** Removes an option; the right answer follows its option, or is cleared when it was this one. */
export function removeOption(item: QuizItemDraft, at: number): void {
	if (!item.options) return;
	item.options.splice(at, 1);
	item.answer = followRemove(item.answer, at);
}

/** Moves a class; every statement keeps its class. */
export function moveClass(item: QuizItemDraft, from: number, to: number): void {
	if (!item.classes) return;
	moveEntry(item.classes, from, to);
	for (const statement of item.statements ?? [])
		statement.class = followMove(statement.class, from, to);
}

/** Removes a class; statements in it lose their class (the check then asks for one), the others keep theirs. */
export function removeClass(item: QuizItemDraft, at: number): void {
	if (!item.classes) return;
	item.classes.splice(at, 1);
	for (const statement of item.statements ?? [])
		statement.class = followRemove(statement.class, at);
}
