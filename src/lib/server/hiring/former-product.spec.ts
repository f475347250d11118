import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { hiringWorld } from '../testing/hiring-world';
import {
	formerProductsOf,
	findInterview,
	isFormerProductInterview,
	setFormerProduct,
	startInterviewAttempt
} from './hiring';
import { auditLog } from '../db/schema';
import { findAttempt, loadAttempt } from '../practice/attempts';
import { submitTurn } from '../practice/turns';

const SOLD_BEFORE = { scenarioId: 'sell-what-you-sold-before' };

describe('an interview where the candidate sells what they sold before', () => {
	it('is one on a scenario that says so; the product scenarios stay as they were', () => {
		const { db, interview } = hiringWorld();
		expect(isFormerProductInterview(db, interview('Amy', SOLD_BEFORE))).toBe(true);
		expect(isFormerProductInterview(db, interview('Ben'))).toBe(false);
	});

	it('pins the rubric without product knowledge, whichever rubric the manager chose', () => {
		const { interview } = hiringWorld();
		const chosen = interview('Amy', { ...SOLD_BEFORE, rubricId: 'hiring-roleplay' });
		expect(chosen.rubric.criteria.map((c) => c.id)).not.toContain('product-knowledge');
		expect(chosen.rubric.criteria.map((c) => c.id)).toContain('composure');
		expect(interview('Ben').rubric.criteria.map((c) => c.id)).toContain('product-knowledge');
		const own = interview('Cleo', { ...SOLD_BEFORE, rubricId: 'hiring-former-product' });
		expect(own.rubric.criteria.map((c) => c.id)).toEqual([
			'opening',
			'needs-discovery',
			'objection-handling',
			'evidence',
			'closing',
			'composure'
		]);
	});

	it('records the product as the candidate typed it, tidied, and logs who named it', () => {
		const { db, interview, admin } = hiringWorld();
		const amy = interview('Amy', SOLD_BEFORE);
		expect(setFormerProduct(db, amy, '  Office <b>water</b>\nfilters ', admin.id)).toEqual({
			ok: true,
			product: 'Office <b>water</b> filters'
		});
		expect(findInterview(db, amy.id)!.formerProduct).toBe('Office <b>water</b> filters');
		expect(
			db
				.select()
				.from(auditLog)
				.where(eq(auditLog.targetId, amy.id))
				.all()
				.map((e) => e.action)
		).toContain('interview.former-product-named');
	});

	it('refuses an empty or long product, and one for an interview that asks none', () => {
		const { db, interview } = hiringWorld();
		const amy = interview('Amy', SOLD_BEFORE);
		expect(setFormerProduct(db, amy, '  ', null)).toEqual({ ok: false, problem: 'empty' });
		expect(setFormerProduct(db, amy, 'x'.repeat(101), null)).toEqual({
			ok: false,
			problem: 'long'
		});
		const ben = interview('Ben');
		expect(setFormerProduct(db, ben, 'Gym memberships', null)).toEqual({
			ok: false,
			problem: 'not-asked'
		});
		expect(findInterview(db, amy.id)!.formerProduct).toBe('');
		expect(findInterview(db, ben.id)!.formerProduct).toBe('');
	});

	it('lists the products named, for the comparison', () => {
		const { db, interview } = hiringWorld();
		const amy = interview('Amy', SOLD_BEFORE);
		const ben = interview('Ben', SOLD_BEFORE);
		const cleo = interview('Cleo');
		setFormerProduct(db, amy, '健身房會員', null);
		expect(formerProductsOf(db, [amy.id, ben.id, cleo.id])).toEqual({ [amy.id]: '健身房會員' });
		expect(formerProductsOf(db, [])).toEqual({});
	});

	it('online: the customer raises the difficulties in the scenario’s order, firmly, and no key point is about our product', () => {
		const { db, interview } = hiringWorld();
		const amy = interview('Amy', { ...SOLD_BEFORE, locale: 'zh-TW' });
		const attempt = startInterviewAttempt(db, amy, 'text');
		const at = new Date(attempt.startedAt.getTime() + 1000);
		const replies = [
			'林老闆您好，我是日昇淨水的小陳，想耽誤您兩分鐘，現在方便嗎？',
			'不好意思，打擾您了。我下午四點再打給您，還是明天早上比較方便？',
			'沒關係，我了解。想請教一下，店裡目前喝水都是怎麼處理的？'
		];
		replies.forEach((reply, i) => submitTurn(db, attempt.id, { mode: 'text', reply }, i, at));
		const { turns, state } = loadAttempt(db, findAttempt(db, attempt.id)!);
		expect(turns.map((t) => t.customer)).toEqual([
			'喂？哪位？',
			'我現在真的不方便，正在忙。',
			'好啦，現在可以講。但老實說，我沒什麼興趣。'
		]);
		expect(state.customer).toBe('你們是不是詐騙啊？我之前就被電話推銷騙過。');
		expect(turns.flatMap((t) => t.result.points.map((p) => p.criterion))).not.toContain(
			'product-knowledge'
		);
	});

	it('live: the interviewer’s picks set the difficulty and how hard, and a verdict alone follows the scenario', () => {
		const { db, interview } = hiringWorld();
		const live = interview('Amy', { ...SOLD_BEFORE, mode: 'live', locale: 'zh-TW' });
		const attempt = startInterviewAttempt(db, live, 'live');
		const at = new Date(attempt.startedAt.getTime() + 1000);
		const judge = (turn: number, score: number, pick?: { beat: string; level: string }) =>
			submitTurn(db, attempt.id, { mode: 'judged', score, pick: pick as never }, turn, at);
		expect(judge(0, 1, { beat: 'scam', level: 'hard' })).toMatchObject({
			ok: true,
			state: { customer: '你們這種打電話來的都是詐騙集團啦，我憑什麼相信你？' }
		});
		expect(judge(1, 0.5, { beat: 'price', level: 'mild' })).toMatchObject({
			ok: true,
			state: { customer: '多少錢？最近手頭比較緊。' }
		});
		expect(judge(2, 1)).toMatchObject({
			ok: true,
			state: { beat: 'competitor', customer: '這個……我們好像已經有在用別家的。' }
		});
		// A pick of no difficulty (a stale or edited form) changes nothing.
		expect(judge(3, 1, { beat: 'won', level: 'hard' })).toEqual({
			ok: false,
			reason: 'bad-choice'
		});
		expect(findAttempt(db, attempt.id)!.turnCount).toBe(3);
	});
});
