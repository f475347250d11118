import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import * as v from 'valibot';
import {
	anyText,
	checkbox,
	choiceOrNone,
	choicesAmong,
	clippedText,
	idText,
	numberBetween,
	numberText,
	parseForm,
	readForm,
	readFormWithFile,
	requiredText,
	textOrNone,
	trimmedText
} from './forms';
import { isContentKind } from './content/studio';

async function statusOf(request: Request): Promise<number> {
	try {
		await readForm({ request });
		return 200;
	} catch (cause) {
		if (isHttpError(cause)) return cause.status;
		throw cause;
	}
}

const post = (body: string, contentType?: string) =>
	new Request('http://localhost/x', {
		method: 'POST',
		body,
		headers: contentType ? { 'content-type': contentType } : {}
	});

describe('reading a posted form', () => {
	it('reads url-encoded and multipart forms', async () => {
		expect(
			(await readForm({ request: post('kind=script', 'application/x-www-form-urlencoded') })).get(
				'kind'
			)
		).toBe('script');
		const multipart = new FormData();
		multipart.set('kind', 'article');
		expect(
			(
				await readForm({
					request: new Request('http://localhost/x', { method: 'POST', body: multipart })
				})
			).get('kind')
		).toBe('article');
	});

	it('answers 415 to a post that is not a form and 400 to a form that cannot be read, never a server error', async () => {
		const withoutType = new Request('http://localhost/x', {
			method: 'POST',
			body: new Uint8Array([1, 2, 3])
		});
		expect(await statusOf(withoutType)).toBe(415);
		expect(await statusOf(post('kind=script', 'text/plain'))).toBe(415);
		expect(await statusOf(post('{"kind":"script"}', 'application/json'))).toBe(415);
		expect(
			await statusOf(
				post(
					'--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nscript',
					'multipart/form-data; boundary=x'
				)
			)
		).toBe(400);
		expect(await statusOf(post('no boundary', 'multipart/form-data'))).toBe(400);
	});

	it('every action and form endpoint reads its form through readForm', () => {
		const files = readdirSync('src/routes', { recursive: true, encoding: 'utf8' }).filter((file) =>
			/\+(page\.server|server)\.ts$/.test(file)
		);
		const direct = files.filter((file) =>
			readFileSync(join('src/routes', file), 'utf8').includes('.formData()')
		);
		expect(files.length).toBeGreaterThan(30);
		expect(direct).toEqual([]);
	});
});

describe('reading a posted form with its one large file', () => {
	// Every byte value, and what a boundary line starts with, as a recording may hold them.
	const AUDIO = new Uint8Array([
		...Buffer.from('RIFF\r\n--\r\n'),
		...Array.from({ length: 256 }, (_, i) => i)
	]);
	const multipart = (entries: [string, string | Blob][]) => {
		const data = new FormData();
		for (const [name, value] of entries) data.append(name, value);
		return new Request('http://localhost/x', { method: 'POST', body: data });
	};
	const read = async (request: Request) => {
		try {
			return await readFormWithFile({ request }, 'audio');
		} catch (cause) {
			if (isHttpError(cause)) return cause.status;
			throw cause;
		}
	};

	it('gives the file as its bytes, and every other field in the form as readForm would', async () => {
		const read1 = await read(
			multipart([
				['turn', '2'],
				['reply', '您好，我是「小陳」\r\n"quoted"'],
				['audio', new File([AUDIO], 'reply', { type: 'audio/webm' })],
				['note', new File(['a note'], 'note.txt', { type: 'text/plain' })],
				['a"b', 'odd name']
			])
		);
		if (typeof read1 === 'number') throw new Error(`answered ${read1}`);
		expect(new Uint8Array(read1.file!)).toEqual(AUDIO);
		expect(read1.form.get('turn')).toBe('2');
		expect(read1.form.get('reply')).toBe('您好，我是「小陳」\r\n"quoted"');
		expect(read1.form.get('a"b')).toBe('odd name');
		expect(read1.form.has('audio')).toBe(false);
		const note = read1.form.get('note') as File;
		expect([note.name, note.type, await note.text()]).toEqual(['note.txt', 'text/plain', 'a note']);
	});

	it('has no file when none was sent, or the field was text; a url-encoded form reads as before', async () => {
		const without = await read(multipart([['turn', '0']]));
		expect(typeof without !== 'number' && without.file).toBeNull();
		const asText = await read(multipart([['audio', 'not a file']]));
		expect(typeof asText !== 'number' && [asText.file, asText.form.get('audio')]).toEqual([
			null,
			'not a file'
		]);
		const encoded = await read(post('turn=1&reply=hi', 'application/x-www-form-urlencoded'));
		expect(typeof encoded !== 'number' && [encoded.file, encoded.form.get('reply')]).toEqual([
			null,
			'hi'
		]);
	});

	it('answers 415 to what is not a form and 400 to a multipart body it cannot read', async () => {
		expect(await read(post('kind=script', 'text/plain'))).toBe(415);
		const type = 'multipart/form-data; boundary=x';
		for (const body of [
			'--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nscript',
			'--x\r\nContent-Disposition: form-data; name="kind"\r\nscript\r\n--x--',
			'--x\r\nContent-Disposition: attachment; name="kind"\r\n\r\nscript\r\n--x--',
			'--x\r\nContent-Disposition: form-data\r\n\r\nscript\r\n--x--',
			'no boundary line at all',
			'preamble--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nscript\r\n--x--'
		])
			expect(await read(post(body, type)), body).toBe(400);
		expect(await read(post('--x--', 'multipart/form-data'))).toBe(400);
		// A quoted boundary, and a preamble on a line of its own, are read.
		const quoted = await read(
			post(
				'preamble\r\n--a b\r\nContent-Disposition: form-data; name="kind"\r\n\r\nscript\r\n--a b--\r\n',
				'multipart/form-data; boundary="a b"'
			)
		);
		expect(typeof quoted !== 'number' && quoted.form.get('kind')).toBe('script');
	});
});

describe('looking up a kind named in a request', () => {
	it('knows only the content kinds, not the names every object inherits', () => {
		expect(isContentKind('scenario')).toBe(true);
		for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])
			expect(isContentKind(name), name).toBe(false);
	});
});

describe('parsing a form by its fields', () => {
	const form = (entries: [string, string | Blob][]) => {
		const data = new FormData();
		for (const [name, value] of entries) data.append(name, value);
		return data;
	};
	const override = {
		score: numberBetween(0, 100),
		reason: v.picklist(['content', 'judgement'] as const),
		comment: requiredText(10),
		panel: v.array(v.string())
	};

	it('gives each field its checked, converted value', () => {
		const parsed = parseForm(
			form([
				['score', ' 72.5 '],
				['reason', 'judgement'],
				['comment', '  Fine answer, really  '],
				['panel', 'a'],
				['panel', 'b']
			]),
			override
		);
		expect(parsed).toEqual({
			ok: true,
			value: { score: 72.5, reason: 'judgement', comment: 'Fine answe', panel: ['a', 'b'] }
		});
	});

	it('names the first field that fails, in the order the fields are given', () => {
		const good: [string, string][] = [
			['score', '50'],
			['reason', 'content'],
			['comment', 'ok']
		];
		const without = (name: string) => good.filter(([n]) => n !== name);
		expect(parseForm(form(without('score')), override)).toEqual({ ok: false, field: 'score' });
		for (const score of ['', 'abc', '-1', '100.5', 'Infinity'])
			expect(parseForm(form([['score', score], ...without('score')]), override)).toEqual({
				ok: false,
				field: 'score'
			});
		expect(parseForm(form([['reason', 'other'], ...without('reason')]), override)).toEqual({
			ok: false,
			field: 'reason'
		});
		// White space and invisible characters only are no comment.
		expect(parseForm(form([['comment', ' \u200b '], ...without('comment')]), override)).toEqual({
			ok: false,
			field: 'comment'
		});
		// A file where text is expected reads as missing.
		expect(
			parseForm(form([['comment', new Blob(['x'])], ...without('comment')]), override)
		).toEqual({ ok: false, field: 'comment' });
		expect(parseForm(form(good), override).ok).toBe(true);
	});

	it('reads only the fields it names, never what every object inherits', () => {
		const parsed = parseForm(
			form([
				['__proto__', 'x'],
				['constructor', 'y'],
				['name', 'Ann']
			]),
			{ name: v.string() }
		);
		expect(parsed).toEqual({ ok: true, value: { name: 'Ann' } });
		expect(Object.getPrototypeOf(parsed.ok && parsed.value)).toBe(Object.prototype);
	});
});

describe('fields an action checks itself', () => {
	const form = (entries: [string, string | Blob][]) => {
		const data = new FormData();
		for (const [name, value] of entries) data.append(name, value);
		return data;
	};
	const fields = {
		name: trimmedText,
		password: anyText,
		reply: clippedText(5),
		grade: numberText,
		on: checkbox('1'),
		row: textOrNone,
		locale: choiceOrNone(['en', 'zh-TW'] as const),
		roles: choicesAmong(['admin', 'rep'] as const)
	};

	it('gives the text as posted, trimmed or cut where asked, and never fails', () => {
		const parsed = parseForm(
			form([
				['name', '  Ann  '],
				['password', '  secret '],
				['reply', 'a😀bcdef'],
				['grade', ' 3 '],
				['on', '1'],
				['row', ''],
				['locale', 'zh-TW'],
				['roles', 'rep'],
				['roles', 'owner'],
				['roles', 'admin']
			]),
			fields
		);
		expect(parsed).toEqual({
			ok: true,
			value: {
				name: 'Ann',
				password: '  secret ',
				// Five UTF-16 units hold "a", the emoji and "bc": the cut never splits a character.
				reply: 'a😀bc',
				grade: 3,
				on: true,
				row: '',
				locale: 'zh-TW',
				roles: ['rep', 'admin']
			}
		});
	});

	it('reads a missing field, a file or a value out of the list as nothing', () => {
		expect(parseForm(form([]), fields).value).toEqual({
			name: '',
			password: '',
			reply: '',
			grade: 0,
			on: false,
			row: undefined,
			locale: undefined,
			roles: []
		});
		const odd = parseForm(
			form([
				['password', new Blob(['x'])],
				['grade', 'abc'],
				['on', 'yes'],
				['locale', '__proto__'],
				['roles', 'constructor']
			]),
			fields
		).value;
		expect(odd).toMatchObject({ password: '', on: false, locale: undefined, roles: [] });
		expect(odd.grade).toBeNaN();
	});

	it('refuses an empty id, which an action answers with its one problem code', () => {
		expect(parseForm(form([['id', '']]), { id: idText })).toEqual({ ok: false, field: 'id' });
		expect(parseForm(form([]), { id: idText })).toEqual({ ok: false, field: 'id' });
		expect(parseForm(form([['id', ' x ']]), { id: idText })).toEqual({
			ok: true,
			value: { id: ' x ' }
		});
	});
});
