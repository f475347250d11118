import type { DraftData, FactTestDraft } from '../content/draft';
import type { FactValue } from '../content/schemas';
import { followMove, followRemove } from './list-edit';

export type SeriesDraft = DraftData['series'];
export type CallDraft = SeriesDraft['calls'][number];
export type PromiseDraft = NonNullable<SeriesDraft['promises']>[number];
export type EvidenceDraft = NonNullable<SeriesDraft['evidence']>[number];
type NoteDraft = NonNullable<SeriesDraft['notes']>[string];

export function newCall(): CallDraft {
	return { scenario: '', daysAfter: null, meanwhile: '' };
}

export function newPromise(): PromiseDraft {
	return { id: '', made: '', kept: '', label: '' };
}

export function newEvidence(): EvidenceDraft {
	return { fact: '', strength: 'medium', label: '' };
}

/**
 * A fact test as the form edits it: one fact, and the value it must hold (null: any value but
 * false). A test naming several facts is null: the form cannot show it without losing some, so it
 * is edited in the file.
 */
export function readFactTest(
	test: FactTestDraft
): { fact: string; value: FactValue | null } | null {
	if (typeof test === 'string') return { fact: test, value: null };
	const entries = Object.entries(test);
	if (entries.length !== 1) return entries.length === 0 ? { fact: '', value: null } : null;
	const [fact, value] = entries[0]!;
	return { fact, value };
}

/** The file's form of a one-fact test: the fact id alone for "any value but false", else `{ fact: value }`. */
export function writeFactTest(fact: string, value: FactValue | null): FactTestDraft {
	return value === null || fact === '' ? fact : { [fact]: value };
}

/** A fact value as a select's value (true, false and a text told apart), and back. */
export const valueKey = (value: FactValue | null): string =>
	value === null ? '' : JSON.stringify(value);
export function valueOfKey(key: string): FactValue | null {
	if (key === '') return null;
	const value: unknown = JSON.parse(key);
	return typeof value === 'boolean' || typeof value === 'string' ? value : null;
}

/**
 * A note written per value, with a text for each value the calls set (the checker wants one for
 * each), from a note that had one text for all: that text for every value, so nothing typed is lost.
 */
export function notePerValue(
	note: NoteDraft | undefined,
	values: readonly FactValue[]
): Record<string, string> {
	if (typeof note === 'object') {
		const out = { ...note };
		for (const value of values) out[String(value)] ??= '';
		return out;
	}
	return Object.fromEntries(values.map((value) => [String(value), note ?? '']));
}

/** One text for every value, from a note per value: its first non-empty text. */
export function noteForAll(note: NoteDraft | undefined): string {
	if (typeof note === 'string') return note;
	return Object.values(note ?? {}).find((text) => text.trim() !== '') ?? '';
}

/** A promise's `by` follows its call when the calls are reordered, and is dropped with it. */
export function followCallMove(series: SeriesDraft, from: number, to: number): void {
	for (const promise of series.promises ?? []) {
		const by = followMove(promise.by, from, to);
		if (by !== promise.by) promise.by = by;
	}
}

export function followCallRemove(series: SeriesDraft, at: number): void {
	for (const promise of series.promises ?? []) {
		const by = followRemove(promise.by, at);
		if (by !== promise.by) promise.by = by;
	}
}
