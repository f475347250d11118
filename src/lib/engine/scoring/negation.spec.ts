import { describe, expect, it } from 'vitest';
import { foldForMatch } from './normalize';
import { cueCounts, holdsNegation } from './negation';

/** Whether `cue` counts where it first occurs in `reply`. */
function counts(reply: string, cue: string): boolean {
	// Replies are read folded for matching, as scoreReply reads them.
	const folded = foldForMatch(reply);
	const at = folded.indexOf(foldForMatch(cue));
	if (at < 0) throw new Error(`"${cue}" is not in "${reply}"`);
	return cueCounts(folded, [at, at + cue.length], foldForMatch(cue));
}

describe('a cue said in the negative does not count', () => {
	it('reads each reply alone: a negation found in the reply before does not hide this one', () => {
		const reply = "I'm not going to promise you page one or any number of inquiries";
		expect(counts(reply, 'promise you')).toBe(false);
		// A tier fact denied far into a sentence ("…does not have keyword ads") was read last.
		expect(holdsNegation('basic on its own really does not have keyword ads')).toBe(true);
		expect(counts(reply, 'promise you')).toBe(false);
	});

	it('in Chinese, with the negation shortly before it in its clause', () => {
		expect(counts('價格我沒辦法私下打折', '打折')).toBe(false);
		expect(counts('我們不是推銷特價的，也沒有什麼優惠', '特價')).toBe(false);
		expect(counts('我們不是推銷特價的，也沒有什麼優惠', '優惠')).toBe(false);
		expect(counts('也不會跟您保證一定會有幾張詢價', '保證')).toBe(false);
		expect(counts('這個月我們可以打折', '打折')).toBe(true);
	});

	it('in English, as far back in its clause as a negation goes when "either" ends the clause', () => {
		const reply =
			"I'm not going to go to my manager and come back with some special price either, because it's the same for everyone";
		expect(counts(reply, 'special price')).toBe(false);
		// Without "either", the negation is too far back to reach it; and "either way" denies nothing.
		expect(
			counts(
				"I'm not going to go to my manager and come back with some special price",
				'special price'
			)
		).toBe(true);
		expect(
			counts("That's no problem, I'll give you a special price either way", 'special price')
		).toBe(true);
		expect(counts('You can have a special price either', 'special price')).toBe(true);
	});

	it('in English, within a few words and with no preposition between', () => {
		expect(counts("I can't give you a discount", 'discount')).toBe(false);
		expect(counts('I cant give you a discount', 'discount')).toBe(false);
		expect(counts("I won't promise you a number of inquiries", 'promise')).toBe(false);
		expect(counts('No discount, I am afraid', 'discount')).toBe(false);
		expect(counts('I can give you a discount', 'discount')).toBe(true);
		expect(counts("We don't take a card or a deposit", 'deposit')).toBe(false);
		expect(counts("We don't ask for a card or a deposit", 'deposit')).toBe(false);
		expect(counts('No card or deposit needed', 'deposit')).toBe(false);
		expect(counts('We ask for no card, only a deposit', 'deposit')).toBe(true);
		// "Not for the trial": nothing is said against the trial; "no" reaches only the words right after it.
		expect(counts('Not for the trial, it costs nothing', 'trial')).toBe(true);
		expect(counts('No request needed for a trial', 'trial')).toBe(true);
	});

	it('two negations cancel out', () => {
		expect(counts('我不是不能打折', '打折')).toBe(true);
		expect(counts("It's not that you can't walk away", 'walk away')).toBe(true);
	});

	it('a list of bare "no"s typed without commas denies each item', () => {
		expect(counts('14 days 10 products no card no deposit', 'deposit')).toBe(false);
		expect(counts('no fee no card no deposit could I call you', 'deposit')).toBe(false);
	});

	it('"to save you" or "spare you the trouble of" doing it is not asking for it', () => {
		expect(
			counts('To save you passing the message on, may I have his name?', 'passing the message')
		).toBe(false);
		expect(
			counts('I can spare you the trouble of passing the message on', 'passing the message')
		).toBe(false);
		expect(counts('Could you pass the message on to him?', 'pass the message')).toBe(true);
	});

	it('a negation in another clause, or before "but", does not reach the cue', () => {
		expect(counts('我沒辦法決定，打折要經理簽', '打折')).toBe(true);
		expect(counts('我沒有別的意思，但是打折沒問題', '打折')).toBe(true);
		expect(counts("I don't know, but a discount is possible", 'discount')).toBe(true);
	});

	it('words that only look negative, and A-not-A questions, do not negate', () => {
		expect(counts('不好意思打擾您，請問老闆在嗎', '老闆')).toBe(true);
		expect(counts('沒問題，我幫您安排試刊', '試刊')).toBe(true);
		expect(counts('要不要先試刊兩週', '試刊')).toBe(true);
		expect(counts('免費試刊十四天', '試刊')).toBe(true);
		expect(counts('不鏽鋼了解，您主要做哪些', '了解')).toBe(true);
		expect(counts('訂單做不完是好事', '好事')).toBe(true);
		expect(counts('No problem, a trial is easy to set up', 'trial')).toBe(true);
	});

	it('a question at the end of unpunctuated speech does not reach a cue said before a pause', () => {
		expect(counts('但我不會跟您打包票 所以先不要花錢 這樣好嗎', '打包票')).toBe(false);
		// Said in the question itself, a negated cue still counts.
		expect(counts('不用擔心嗎', '擔心')).toBe(true);
		expect(counts('我們先不用打包票這樣好嗎', '打包票')).toBe(true);
	});

	it('a negated question still raises what it asks about', () => {
		expect(counts('不用擔心嗎？', '擔心')).toBe(true);
		expect(counts("Wouldn't a trial help?", 'trial')).toBe(true);
	});

	it('a cue written with its own negation matches as written', () => {
		expect(counts('其實不貴', '不貴')).toBe(true);
		expect(counts("It's not expensive at all", 'not expensive')).toBe(true);
	});

	it('a cue with its own negation is denied when the rep says they are not saying it', () => {
		expect(counts('我不會說今天不買就沒了，您慢慢看', '今天不買')).toBe(false);
		expect(counts('我不是要您今天不簽就沒有', '今天不簽')).toBe(false);
		expect(counts("I'm not saying don't miss out, take your time", "don't miss out")).toBe(false);
		expect(counts('I would never tell you dont miss out', 'dont miss out')).toBe(false);
		// Two negations before it cancel out: 「不是不會說」 says it.
		expect(counts('我不是不會說今天不買就沒了', '今天不買')).toBe(true);
	});

	it('a second denial before a cue with its own negation leaves it as written', () => {
		expect(counts('試刊完全不用錢也不用押金', '不用押金')).toBe(true);
		expect(counts('There is no fee and no deposit', 'no deposit')).toBe(true);
		// A pressure line said outright still counts.
		expect(counts('老闆今天不買就沒了喔', '今天不買')).toBe(true);
	});
});

describe('quoting the customer', () => {
	it('is not saying it oneself', () => {
		expect(counts('您說太貴，我完全理解', '太貴')).toBe(false);
		expect(counts('You said it is too expensive, and I hear you', 'too expensive')).toBe(false);
		expect(counts('It is too expensive for you right now', 'too expensive')).toBe(true);
	});
});

describe('what a negation reaches, in the ways Chinese and quotation marks put it', () => {
	it('「跟妳講」 is the rep telling, not quoting the customer', () => {
		expect(counts('這個跟妳講妳可能也不太懂', '妳可能也不太懂')).toBe(true);
		expect(counts('跟您說，這個月打八折', '打八折')).toBe(true);
		expect(counts('您說打八折，我沒辦法', '打八折')).toBe(false);
	});

	it('a quoted cue is denied by a negation before the quotation marks', () => {
		expect(counts('我不會叫您跟老闆說「很便宜」', '很便宜')).toBe(false);
		expect(counts("I won't tell your boss it's 'dirt cheap'", 'dirt cheap')).toBe(false);
		expect(counts('您可以跟老闆說「很便宜」', '很便宜')).toBe(true);
	});

	it('a refusal after the cue, in its clause, denies it; holding to an offer does not', () => {
		expect(counts('私下降價我答應了也是騙您', '降價')).toBe(false);
		expect(counts('兩萬這個價格我真的沒辦法給', '兩萬')).toBe(false);
		expect(counts('九折不能再少了', '九折')).toBe(true);
		expect(counts('降價，我沒辦法決定', '降價')).toBe(true);
	});

	it('what the rep will not say is denied however far it runs on', () => {
		expect(counts('我不會跟您說兩萬六千八很便宜', '很便宜')).toBe(false);
		expect(counts('我會跟您說兩萬六千八很便宜', '很便宜')).toBe(true);
		// …and what the rep will not bring up, when it would be brought up said first.
		expect(counts('我也不會一開口就跟您談折扣', '折扣')).toBe(false);
		expect(counts('我不會直接跟您提優惠方案', '優惠')).toBe(false);
		expect(counts('我一開口就跟您談折扣', '折扣')).toBe(true);
	});

	it('talk named with 的話 and refused in the next clause is denied', () => {
		expect(counts('那種保證第一頁的話，我不會跟您講', '保證第一頁')).toBe(false);
		expect(counts('保證第一頁的話，我們也可以', '保證第一頁')).toBe(true);
		expect(counts('我保證第一頁，我不會騙您', '保證第一頁')).toBe(true);
	});

	it('能不能 after the cue asks for it, it does not refuse it', () => {
		expect(counts('第一年能不能也少一點', '第一年')).toBe(true);
		expect(counts('第一年不能少', '第一年')).toBe(false);
	});
});
