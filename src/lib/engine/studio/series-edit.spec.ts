import { describe, expect, it } from 'vitest';
import { readDraft, writeDraft, type Draft } from '../content/draft';
import { SERIES } from '../series/series.fixture';
import {
	followCallMove,
	followCallRemove,
	newCall,
	newPromise,
	noteForAll,
	notePerValue,
	readFactTest,
	valueKey,
	valueOfKey,
	writeFactTest,
	type SeriesDraft
} from './series-edit';

function seriesDraft(text = SERIES): Draft<'series'> {
	const read = readDraft('series', text);
	if (!read.ok) throw new Error(read.message);
	return read.draft;
}

describe('the series form', () => {
	it('reads notes, promises and evidence as written, and writes an untouched draft back unchanged', () => {
		const draft = seriesDraft();
		expect(draft.data.notes?.['material-sent']).toEqual({
			true: 'Catalogue sent.',
			false: 'Promised the catalogue; not sent yet.'
		});
		expect(draft.data.promises?.[0]?.made).toEqual({ 'material-sent': false });
		expect(draft.data.evidence?.[1]).toEqual({
			fact: 'trial-booked',
			strength: 'strong',
			label: 'He booked a trial'
		});
		expect(readDraft('series', writeDraft(draft))).toEqual({ ok: true, draft });
	});

	it('adds a call, a promise with its facts and a note, and the file says them', () => {
		const draft = seriesDraft();
		draft.data.calls.push({ ...newCall(), scenario: 'closing', daysAfter: 2 });
		draft.data.promises!.push({
			...newPromise(),
			id: 'book-trial',
			made: writeFactTest('decision-maker', null),
			kept: writeFactTest('trial-booked', true),
			by: 4,
			label: 'Book the trial'
		});
		const text = writeDraft(draft);
		expect(text).toContain('- scenario: closing\n    daysAfter: 2');
		expect(text).toContain(
			'  - id: book-trial\n    made: decision-maker\n    kept:\n      trial-booked: true\n    by: 4'
		);
		// An empty "meanwhile" is no meanwhile.
		expect(text).not.toContain('meanwhile: ""');
	});

	it('reads a fact test of one fact, and leaves one of several facts to the file', () => {
		expect(readFactTest('trial-booked')).toEqual({ fact: 'trial-booked', value: null });
		expect(readFactTest({ 'material-sent': false })).toEqual({
			fact: 'material-sent',
			value: false
		});
		expect(readFactTest({})).toEqual({ fact: '', value: null });
		expect(readFactTest({ a: true, b: 'x' })).toBeNull();
		expect(writeFactTest('products', 'screws')).toEqual({ products: 'screws' });
		expect(writeFactTest('', true)).toBe('');
	});

	it('tells true, false and the text "true" apart in a picker', () => {
		for (const value of [true, false, 'true', 'screws', null])
			expect(valueOfKey(valueKey(value))).toBe(value);
		expect(new Set([true, 'true'].map(valueKey)).size).toBe(2);
	});

	it('switches a note between one text and a text per value without losing what was typed', () => {
		expect(notePerValue('Catalogue: {value}', [true, false])).toEqual({
			true: 'Catalogue: {value}',
			false: 'Catalogue: {value}'
		});
		expect(notePerValue({ true: 'Sent.' }, [true, false])).toEqual({ true: 'Sent.', false: '' });
		expect(noteForAll({ true: '', false: 'Not sent.' })).toBe('Not sent.');
		expect(noteForAll(undefined)).toBe('');
	});

	it("keeps a promise due by the same call when the calls are moved, and drops a removed call's deadline", () => {
		const data: SeriesDraft = {
			...seriesDraft().data,
			promises: [{ id: 'p', made: 'a', kept: 'b', by: 3, label: '' }]
		};
		followCallMove(data, 2, 0);
		expect(data.promises![0]!.by).toBe(1);
		followCallRemove(data, 0);
		expect(data.promises![0]!.by).toBeNull();
	});
});
