import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db';
import { findUserById, insertUser } from './accounts/users';
import { loadShippedContent } from '$lib/server/testing/shipped-content';
import { findAttempt, loadAttempt, startAttempt } from './practice/attempts';
import { submitTurn } from './practice/turns';
import { searchContent } from './content/search';
import { scoreReply } from '$lib/engine/scoring/score';
import { createAccountToken } from './auth/account-tokens';
import { acceptInvite, NAME_MAX_LENGTH } from './auth/invites';
import {
	createCandidate,
	createInterview,
	findCandidate,
	startInterviewAttempt
} from './hiring/hiring';
import { publish, publishedText } from './content/studio';
import { findContent } from './content/store';
import { clipText } from './forms';

// Text people paste: zero-width characters, direction overrides, emoji, a NUL, and very long text.
const ODD = [
	'\u200b\u200c\u200d\ufeff',
	'\u202e這是反向文字\u202c',
	'👍🏽 好的 🙏',
	'nul\u0000byte',
	'𠮷野家',
	'ｆｕｌｌ　ｗｉｄｔｈ'
];

function setUp() {
	const db = createTestDatabase();
	loadShippedContent(db);
	const rep = insertUser(db, {
		email: 'r@example.com',
		name: 'R',
		passwordHash: 'x',
		roles: ['rep']
	});
	return { db, rep };
}

describe('odd input', () => {
	it.each(ODD)('a reply %j is scored and stored exactly as typed', (odd) => {
		const { db, rep } = setUp();
		const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'zh-TW', 'text')!;
		const reply = `王經理您好,我是機械五金網的小陳 ${odd}`;
		expect(submitTurn(db, attempt.id, { mode: 'text', reply }, 0).ok).toBe(true);
		expect(loadAttempt(db, findAttempt(db, attempt.id)!).turns[0]!.reply).toBe(reply);
	});

	// Looks empty, so it is refused like an empty reply (the same reason, so the same message).
	it.each([
		'\u200b',
		'\u200b\u200c\u200d\u2060\ufeff',
		' \u200b\n\t\u3000\ufeff ',
		'\u200e\u202e\u2066'
	])(
		'refuses a reply of only %j, from a rep and from a candidate online, and changes nothing',
		(invisible) => {
			const { db, rep } = setUp();
			const practice = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text')!;
			const manager = insertUser(db, {
				email: 'm@example.com',
				name: 'M',
				passwordHash: 'x',
				roles: ['manager']
			});
			const candidate = createCandidate(db, {
				name: 'C',
				contact: '',
				position: 'Sales',
				notes: '',
				createdBy: manager.id
			});
			const created = createInterview(db, {
				candidateId: candidate.id,
				scenarioId: 'renewal-price-objection',
				rubricId: 'hiring-roleplay',
				locale: 'en',
				mode: 'online',
				scheduledAt: new Date(),
				panel: [manager.id],
				teamId: null,
				createdBy: manager.id
			});
			if (!created.ok) throw new Error(created.problem);
			const online = startInterviewAttempt(db, created.interview, 'text');
			for (const attempt of [practice, online]) {
				expect(submitTurn(db, attempt.id, { mode: 'text', reply: invisible }, 0)).toEqual({
					ok: false,
					reason: 'empty'
				});
				expect(findAttempt(db, attempt.id)!.turnCount).toBe(0);
			}
		}
	);

	it('refuses a 100 kB reply with a reason, and changes nothing', () => {
		const { db, rep } = setUp();
		const attempt = startAttempt(db, rep.id, 'renewal-price-objection', 'en', 'text')!;
		expect(submitTurn(db, attempt.id, { mode: 'text', reply: '字'.repeat(100_000) }, 0)).toEqual({
			ok: false,
			reason: 'too-long'
		});
		expect(findAttempt(db, attempt.id)!.turnCount).toBe(0);
	});

	// How fast it is belongs to the bench (`bench/scoring.ts`), not to a timed test.
	it('scoring a 100 kB text flags it as too long', () => {
		const result = scoreReply('我是小陳,'.repeat(20_000), {
			expect: [{ point: 'p', weight: 1, cues: ['我是'] }],
			avoid: []
		});
		expect(result.flags).toContain('too-long');
	});

	it.each([...ODD, '"', "'", '\\', '%', '_', '*', 'NEAR(a b)', ') OR 1=1 --'])(
		'search takes %j without error',
		(query) => {
			const { db } = setUp();
			expect(() => searchContent(db, query)).not.toThrow();
		}
	);

	// Kept as typed, less the white space around it (a byte-order mark counts as white space).
	it.each(ODD)(
		'a name %j is kept exactly as typed on an account and on a candidate',
		async (odd) => {
			const { db } = setUp();
			const { token } = createAccountToken(db, {
				kind: 'invite',
				email: 'odd@example.com',
				roles: ['rep']
			});
			const accepted = await acceptInvite(db, token, {
				name: ` 林 ${odd} `,
				password: 'an odd enough password'
			});
			expect(accepted.ok && findUserById(db, accepted.user.id)!.name).toBe(`林 ${odd}`.trim());
			const candidate = createCandidate(db, {
				name: `王 ${odd}`,
				contact: odd,
				position: `Sales ${odd}`,
				notes: odd,
				createdBy: null as unknown as string
			});
			expect(findCandidate(db, candidate.id)).toMatchObject({
				name: `王 ${odd}`.trim(),
				position: `Sales ${odd}`.trim()
			});
		}
	);

	it('counts a name’s length in characters: 100 rare characters (200 UTF-16 units) fit, 101 do not', async () => {
		const { db } = setUp();
		const invite = () =>
			createAccountToken(db, {
				kind: 'invite',
				email: `n${Math.random()}@example.com`,
				roles: ['rep']
			}).token;
		expect(
			(
				await acceptInvite(db, invite(), {
					name: '𠮷'.repeat(NAME_MAX_LENGTH),
					password: 'an odd enough password'
				})
			).ok
		).toBe(true);
		expect(
			await acceptInvite(db, invite(), {
				name: '𠮷'.repeat(NAME_MAX_LENGTH + 1),
				password: 'an odd enough password'
			})
		).toEqual({ ok: false, problem: 'name-too-long' });
	});

	it('clips form text without splitting a character in two', () => {
		const clipped = clipText('𠮷'.repeat(60), 101);
		expect(clipped).toBe('𠮷'.repeat(50));
		expect(clipText('👍🏽'.repeat(10), 3)).toBe('👍');
		expect(clipText('short', 100)).toBe('short');
		expect(clipText('abcdef', 3)).toBe('abc');
	});

	it.each(ODD.filter((odd) => !odd.includes('\u0000')))(
		'a title %j published from the studio is kept exactly',
		async (odd) => {
			const { db, rep } = setUp();
			const text = publishedText(db, 'script', 'en', 'price-too-high')!.replace(
				/^title: .*$/m,
				`title: ${JSON.stringify(`Price ${odd}`)}`
			);
			expect(await publish(db, 'script', 'en', 'price-too-high', text, rep.id)).toMatchObject({
				ok: true
			});
			expect(findContent(db, 'script', 'price-too-high', 'en')!.data.title).toBe(
				`Price ${odd}`.trim()
			);
		}
	);

	it.each([
		['typed', 'title: Price \u0000 here'],
		['escaped', 'title: "Price \\0 here"']
	])('a NUL %s into a studio file is kept, and search still works', async (_how, line) => {
		const { db, rep } = setUp();
		const text = publishedText(db, 'script', 'en', 'price-too-high')!.replace(/^title: .*$/m, line);
		expect(await publish(db, 'script', 'en', 'price-too-high', text, rep.id)).toMatchObject({
			ok: true
		});
		expect(findContent(db, 'script', 'price-too-high', 'en')!.data.title).toBe('Price \u0000 here');
		expect(searchContent(db, 'Price').length).toBeGreaterThan(0);
	});
});
