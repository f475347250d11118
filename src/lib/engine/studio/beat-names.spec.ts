import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readDraft, writeDraft, type DraftData } from '../content/draft';
import { parseContentFile } from '../content/parse';
import { scenarioSchema } from '../content/schemas';
import { fitBoxLabel, scenarioGraph } from './graph';
import {
	addBeat,
	beatLabel,
	beatNameTaken,
	freeBeatId,
	proposeBeat,
	renameBeat
} from './scenario-edit';

const FILE = 'zh-TW/scenarios/renewal-price-objection.yaml';
const TEXT = readFileSync(`content/${FILE}`, 'utf8');

function demo(): DraftData['scenario'] {
	const read = readDraft('scenario', TEXT);
	if (!read.ok || read.draft.kind !== 'scenario')
		throw new Error('the demo scenario must read as a draft');
	return read.draft.data;
}

const write = (data: DraftData['scenario']): string =>
	writeDraft({ kind: 'scenario', data, body: '' });

describe('naming a new beat', () => {
	const beats = { greet: {}, won: {}, lost: {} };

	it('uses the ASCII words of a name as the id, and keeps the name when it says more', () => {
		expect(proposeBeat(beats, 'Price objection')).toEqual({
			id: 'price-objection',
			name: 'Price objection',
			problem: null
		});
		expect(proposeBeat(beats, '  price ')).toEqual({ id: 'price', problem: null });
		expect(proposeBeat(beats, '問 boss')).toEqual({ id: 'boss', name: '問 boss', problem: null });
	});

	it('gives a name without ASCII words (Chinese) the first free beat-2, beat-3 …', () => {
		expect(proposeBeat(beats, ' 需要問老闆 ')).toEqual({
			id: 'beat-2',
			name: '需要問老闆',
			problem: null
		});
		expect(proposeBeat({ ...beats, 'beat-2': {}, 'beat-4': {} }, '太貴了')).toEqual({
			id: 'beat-3',
			name: '太貴了',
			problem: null
		});
		// Digits alone would make an id the form cannot keep in its place.
		expect(proposeBeat(beats, '第 2 次')).toEqual({ id: 'beat-2', name: '第 2 次', problem: null });
		expect(freeBeatId({})).toBe('beat-2');
	});

	it('refuses an empty name, a long one, and one another beat already has', () => {
		expect(proposeBeat(beats, '   ').problem).toBe('empty');
		expect(proposeBeat(beats, '貴'.repeat(81)).problem).toBe('long');
		expect(proposeBeat(beats, '貴'.repeat(80)).problem).toBeNull();
		expect(proposeBeat(beats, 'Won').problem).toBe('taken');
		const named = { ...beats, 'beat-2': { name: '需要問老闆' } };
		expect(proposeBeat(named, '需要問老闆')).toEqual({
			id: 'beat-3',
			name: '需要問老闆',
			problem: 'taken'
		});
		expect(beatNameTaken(named, '需要問老闆', 'beat-2')).toBe(false);
		expect(beatNameTaken(named, 'GREET')).toBe(true);
	});
});

describe('beatLabel', () => {
	it('says a beat by its name, else by its id', () => {
		const beats = { greet: {}, 'beat-2': { name: '需要問老闆' }, blank: { name: '  ' } };
		expect(beatLabel(beats, 'beat-2')).toBe('需要問老闆');
		expect(beatLabel(beats, 'greet')).toBe('greet');
		expect(beatLabel(beats, 'blank')).toBe('blank');
		expect(beatLabel(beats, 'gone')).toBe('gone');
	});

	it('fits a box of the graph, Chinese characters counting double', () => {
		expect(fitBoxLabel('需要問老闆')).toBe('需要問老闆');
		expect(fitBoxLabel('price-objection')).toBe('price-objection');
		expect(fitBoxLabel('客戶說要先問老闆才能決定要不要續約')).toBe('客戶說要先問老闆才…');
		expect(fitBoxLabel('a very long name of a beat indeed')).toBe('a very long name of…');
	});
});

describe('beat names in the file', () => {
	it('writes the name of a new beat first, and leaves the other beats without one', () => {
		const data = demo();
		const { id, name } = proposeBeat(data.beats, '需要問老闆');
		addBeat(data, id, '', name);
		data.beats[id]!.customer = '這要問我們老闆。';
		const text = write(data);
		expect(text).toContain(`  ${id}:\n    name: 需要問老闆\n    customer: 這要問我們老闆。\n`);
		expect(text.match(/^ {4}name:/gm)).toHaveLength(1);
		const parsed = parseContentFile(FILE, text);
		if (!parsed.ok || parsed.item.kind !== 'scenario') throw new Error('the file must parse');
		expect(parsed.item.data.beats[id]?.name).toBe('需要問老闆');
	});

	it('drops a name cleared in the form, and keeps a file without names as it was', () => {
		const data = demo();
		expect(write(data)).not.toMatch(/^ {4}name:/m);
		const first = Object.keys(data.beats)[0]!;
		data.beats[first]!.name = '開場';
		expect(write(data)).toContain(`  ${first}:\n    name: 開場\n`);
		data.beats[first]!.name = '';
		expect(write(data)).toBe(write(demo()));
	});

	it('keeps the name when the id changes, and rules follow the id', () => {
		const data = demo();
		addBeat(data, 'beat-2', 'lost', '需要問老闆');
		data.beats[data.start]!.next[0]!.goto = 'beat-2';
		renameBeat(data, 'beat-2', 'ask-boss');
		expect(data.beats['ask-boss']?.name).toBe('需要問老闆');
		expect(data.beats[data.start]!.next[0]!.goto).toBe('ask-boss');
	});

	it('checks a name: trimmed, at most 80 characters', () => {
		const scenario = parse(TEXT) as { beats: Record<string, { name?: string }> };
		const first = Object.keys(scenario.beats)[0]!;
		scenario.beats[first]!.name = '  開場  ';
		expect(v.parse(scenarioSchema, scenario).beats[first]?.name).toBe('開場');
		scenario.beats[first]!.name = '開'.repeat(81);
		expect(v.safeParse(scenarioSchema, scenario).success).toBe(false);
	});

	it('labels the boxes of the graph with the names', () => {
		const scenario = v.parse(scenarioSchema, parse(TEXT));
		const first = scenario.start;
		scenario.beats[first]!.name = '開場';
		const graph = scenarioGraph(scenario);
		expect(graph.nodes.find((node) => node.id === first)?.label).toBe('開場');
		expect(
			graph.nodes.filter((node) => node.id !== first).every((node) => node.label === node.id)
		).toBe(true);
	});
});
