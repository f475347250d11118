import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContentFile } from './parse';
import { readDraft, writeDraft } from './draft';
import { locateContentFile } from './parse';

const CONTENT = join(process.cwd(), 'content');
const files = readdirSync(CONTENT, { recursive: true, encoding: 'utf8' }).filter((path) => /\.(md|yaml)$/.test(path));

describe('form drafts', () => {
	// Reads the whole demo pack: allow for a busy machine.
	it('read and write every demo file back to the same content', { timeout: 30_000 }, () => {
		expect(files.length).toBeGreaterThan(40);
		for (const file of files) {
			const text = readFileSync(join(CONTENT, file), 'utf8');
			const location = locateContentFile(file);
			if ('message' in location) throw new Error(location.message);
			const read = readDraft(location.kind, text);
			if (!read.ok) throw new Error(`${file}: ${read.message}`);
			const original = parseContentFile(file, text);
			const rewritten = parseContentFile(file, writeDraft(read.draft));
			expect(rewritten.ok, file).toBe(true);
			if (original.ok && rewritten.ok) expect(rewritten.item, file).toEqual(original.item);
		}
	});

	it('fills what a new form needs and drops optional fields left empty', () => {
		const read = readDraft('scenario', 'id: new-call\ntitle: A call\n');
		expect(read.ok).toBe(true);
		if (!read.ok || read.draft.kind !== 'scenario') return;
		const { data } = read.draft;
		expect(data.persona).toEqual({ name: '', role: '', company: '' });
		expect(data.beats).toEqual({});
		expect(data.minutes).toBeNull();
		data.persona.mood = '';
		data.beats.opening = { customer: 'Hello?', end: '', expect: [], avoid: [], choices: [], next: [{ goto: 'close', say: '' }] };
		const text = writeDraft(read.draft);
		expect(text).not.toContain('mood');
		expect(text).not.toContain('end:');
		expect(text).not.toContain('say:');
		expect(text).toContain('customer: Hello?');
		expect(text).toContain('goto: close');
	});

	it('writes a scenario’s objective after its title, checks its length, and drops it when cleared', () => {
		const read = readDraft('scenario', 'id: new-call\ntitle: A call\npersona: { name: Mr. Wu, role: Owner, company: Jinda }\nminutes: 5\npass: 60\nstart: hello\nbeats:\n  hello: { customer: Hello?, end: won }\n');
		if (!read.ok || read.draft.kind !== 'scenario') throw new Error('the draft must read');
		expect(read.draft.data.objective).toBeUndefined();
		read.draft.data.objective = 'Book a call-back at a set time.';
		const text = writeDraft(read.draft);
		expect(text.split('\n').slice(0, 3)).toEqual(['id: new-call', 'title: A call', 'objective: Book a call-back at a set time.']);
		const parsed = parseContentFile('en/scenarios/new-call.yaml', text);
		expect(parsed.ok && parsed.item.kind === 'scenario' && parsed.item.data.objective).toBe('Book a call-back at a set time.');
		read.draft.data.objective = 'x'.repeat(501);
		expect(parseContentFile('en/scenarios/new-call.yaml', writeDraft(read.draft))).toMatchObject({ ok: false, problems: [{ line: 3, message: expect.stringContaining('objective: must be at most 500 characters') }] });
		read.draft.data.objective = '';
		expect(writeDraft(read.draft)).not.toContain('objective');
	});

	it('every shipped scenario says its objective, in each language', () => {
		const scenarios = files.filter((file) => /^(en|zh-TW)\/scenarios\//.test(file.replace(/\\/g, '/')));
		expect(scenarios.length).toBeGreaterThanOrEqual(16);
		for (const file of scenarios) {
			const parsed = parseContentFile(file.replace(/\\/g, '/'), readFileSync(join(CONTENT, file), 'utf8'));
			expect(parsed.ok && parsed.item.kind === 'scenario' && parsed.item.data.objective, file).toEqual(expect.any(String));
		}
	});

	it('keeps the body of a Markdown kind and fields the form does not know', () => {
		const read = readDraft('article', '---\nid: a\ntitle: T\ncolour: red\n---\n# Body\n');
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.draft.body).toBe('# Body\n');
		const text = writeDraft(read.draft);
		expect(text).toContain('colour: red');
		expect(text.endsWith('---\n# Body\n')).toBe(true);
	});

	it('refuses a value the form cannot show, naming its line', () => {
		const read = readDraft('scenario', 'id: x\ntitle: T\nbeats:\n  opening:\n    customer: Hi\n    expect: not a list\n');
		expect(read).toEqual({ ok: false, line: 6, message: 'beats.opening.expect must be a list for the form to show it', code: 'form-wrong-shape', values: { path: ['beats', 'opening', 'expect'], expected: 'a list' } });
	});

	it('refuses YAML it cannot read, naming its line', () => {
		const read = readDraft('rubric', 'id: x\ntitle: [unclosed\n');
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.line).toBeGreaterThanOrEqual(2);
		expect(read).toMatchObject({ code: 'yaml-unclosed-bracket', values: { bracket: ']' } });
	});
});
