import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
	EVIDENCE_STRENGTHS,
	STRENGTH_MEANING,
	atLeast,
	evidenceKind,
	isEvidenceStrength,
	parseStrength,
	readEvidence,
	suggestStrength,
	type EvidenceKind,
	type EvidenceStrength
} from './evidence';

const LOCALES = ['en', 'zh-TW'] as const;

interface Example {
	text: string;
	kind: EvidenceKind;
	strength: EvidenceStrength | null;
	where: string;
}

/** The article's practice table: | statement | Objective, strong / 客觀，強 | why |. */
function articleExamples(locale: (typeof LOCALES)[number]): Example[] {
	const path = `content/${locale}/knowledge/deal-coaching-evidence.md`;
	const rows = readFileSync(path, 'utf8')
		.split('\n')
		.map((line, i) => ({ line, number: i + 1 }))
		.filter(({ line }) => /^\|\s*["“「]/.test(line));
	return rows.map(({ line, number }) => {
		const [statement, type] = line
			.split('|')
			.slice(1, 3)
			.map((cell) => cell.trim()) as [string, string];
		const [kindWord, strengthWord] = type.split(/[,，]\s*/);
		const kind = /^(objective|客觀)$/i.test(kindWord!)
			? 'objective'
			: /^(subjective|主觀)$/i.test(kindWord!)
				? 'subjective'
				: null;
		if (!kind) throw new Error(`${path}:${number}: a type the test does not know: ${type}`);
		return {
			text: statement,
			kind,
			strength: strengthWord ? parseStrength(strengthWord) : null,
			where: `${path}:${number}`
		};
	});
}

/** The sorting quiz: classify items whose classes are [objective, subjective]. */
function quizExamples(locale: (typeof LOCALES)[number]): Example[] {
	const path = `content/${locale}/quizzes/deal-coaching-evidence.yaml`;
	const quiz = parse(readFileSync(path, 'utf8')) as {
		items: { type: string; classes?: string[]; statements?: { text: string; class: number }[] }[];
	};
	return quiz.items
		.filter((item) => item.type === 'classify')
		.flatMap((item) => {
			const objective = item.classes!.findIndex((c) => /objective|客觀/i.test(c)) + 1;
			const subjective = item.classes!.findIndex((c) => /subjective|主觀/i.test(c)) + 1;
			expect(
				objective * subjective,
				`${path}: the classes are objective and subjective`
			).toBeGreaterThan(0);
			return item.statements!.map((s) => ({
				text: s.text,
				kind: (s.class === objective ? 'objective' : 'subjective') as EvidenceKind,
				strength: null,
				where: `${path}: ${s.text}`
			}));
		});
}

describe.each(LOCALES)('the content’s examples of evidence and feelings, in %s', (locale) => {
	const fromArticle = articleExamples(locale);
	const fromQuiz = quizExamples(locale);

	it('finds the article’s table and the quiz’s statements', () => {
		expect(fromArticle.length).toBeGreaterThanOrEqual(14);
		expect(fromQuiz.length).toBeGreaterThanOrEqual(12);
		expect(new Set(fromArticle.map((e) => e.kind))).toEqual(new Set(['objective', 'subjective']));
	});

	it('classifies every statement of the article as the article does', () => {
		for (const example of fromArticle)
			expect(
				evidenceKind(example.text, locale),
				`${example.where}: ${example.text} (${readEvidence(example.text, locale).acts.join(', ')})`
			).toBe(example.kind);
	});

	it('classifies every statement of the sorting quiz as the quiz does', () => {
		for (const example of fromQuiz)
			expect(
				evidenceKind(example.text, locale),
				`${example.where} (${JSON.stringify(readEvidence(example.text, locale))})`
			).toBe(example.kind);
	});

	it('suggests the strength the article gives, where it gives one', () => {
		const ranked = fromArticle.filter((e) => e.strength);
		expect(ranked.length).toBeGreaterThanOrEqual(8);
		for (const example of ranked)
			expect(suggestStrength(example.text, locale), `${example.where}: ${example.text}`).toBe(
				example.strength
			);
		for (const example of fromArticle.filter((e) => e.kind === 'subjective'))
			expect(suggestStrength(example.text, locale), example.text).toBeNull();
	});
});

describe('evidence and feelings beyond the content', () => {
	const cases: [string, EvidenceKind, EvidenceStrength | null][] = [
		// The and the brief's examples.
		['問了兩年方案的價格，要我週三前寄報價', 'objective', 'very-strong'],
		['感覺他很有興趣', 'subjective', null],
		['態度很好', 'subjective', null],
		['應該會買', 'subjective', null],
		['asked for the two-year price and wants a quote by Wednesday', 'objective', 'very-strong'],
		['sent us their product list', 'objective', 'medium'],
		['agreed to a demo on 12/10', 'objective', 'strong'],
		['he seemed interested', 'subjective', null],
		['good vibe', 'subjective', null],
		["I think they'll buy", 'subjective', null],
		// The rubric's ends of the scale, and the article's middle.
		['He asked for two-year pricing.', 'objective', 'very-strong'],
		['He said it sounds good.', 'objective', 'weak'],
		[
			'She named their three main customers and gave me the boss’s mobile number.',
			'objective',
			'medium'
		],
		['老闆給了我他的手機，說主要客戶是三家機械廠。', 'objective', 'medium'],
		// The script entries' examples of what a deal review counts.
		['He wants to compare Basic and Gold, and we agreed I’d call Friday.', 'objective', 'strong'],
		['The boss himself asked me to call back Wednesday afternoon.', 'objective', 'weak'],
		['客戶說要比較基礎和金牌的差別，約好星期五回電。', 'objective', 'strong'],
		['老闆親口約了星期三下午再談。', 'objective', 'strong'],
		// The quiz's explanation names the feelings in a few words.
		['意向很大', 'subjective', null],
		['口氣親切', 'subjective', null],
		['我覺得會簽', 'subjective', null],
		['很認同', 'subjective', null],
		['feels strong', 'subjective', null],
		['sounded warmer', 'subjective', null],
		['really likes us', 'subjective', null],
		// Simplified input reads as Traditional.
		['老板问我价格能不能再优惠一点。', 'objective', 'strong'],
		['感觉意向很大。', 'subjective', null],
		// The rep's own acts are no evidence of the customer's; nor are negated or supposed ones.
		['I asked him whether he was interested.', 'unclear', null],
		['我問他有沒有興趣。', 'unclear', null],
		['Called twice, left a voicemail.', 'unclear', null],
		["He hasn't replied since Monday.", 'unclear', null],
		['他還沒有回覆。', 'unclear', null],
		["He'll probably sign next week.", 'subjective', null],
		['I think he asked about the price.', 'subjective', null],
		['他會上傳產品。', 'unclear', null],
		['I sent him the brochure.', 'unclear', null],
		['我寄了型錄給他。', 'unclear', null],
		['Demo 12/10', 'unclear', null],
		['', 'unclear', null],
		// A fact beside a feeling is still a fact; a feeling after the rep's own question is still a feeling.
		[
			'He seemed keen, and he booked Thursday 10:00 to go through the trial figures.',
			'objective',
			'strong'
		],
		['I told him the price and he seemed keen.', 'subjective', null],
		['感覺他很有興趣，因為他問了發票抬頭。', 'objective', 'very-strong'],
		['He would like a quote for the Gold plan.', 'objective', 'very-strong'],
		['他們的採購把產品清單傳給我了。', 'objective', 'medium'],
		['他掛了我電話。', 'objective', 'weak'],
		['Very promising lead.', 'subjective', null],
		['這個客戶很有潛力。', 'subjective', null],
		// The customer's words quoted.
		// (A promise on a condition costs nothing: weak.)
		['老闆：「如果效果好，明年我們就續約。」', 'objective', 'weak'],
		['大約聊了十分鐘，合約的事沒提。', 'objective', 'very-strong']
	];

	it.each(cases)('%s → %s', (text, kind, strength) => {
		const locale = /[\u3400-\u9fff]/.test(text) ? 'zh-TW' : 'en';
		expect(evidenceKind(text, locale), JSON.stringify(readEvidence(text, locale))).toBe(kind);
		expect(suggestStrength(text, locale)).toBe(strength);
	});

	it('says which words decided it, and what makes it concrete', () => {
		expect(readEvidence('「3 月 3 日上傳了 10 項產品，開始試刊。」', 'zh-TW')).toMatchObject({
			kind: 'objective',
			acts: ['上傳', '開始', '試刊'],
			feelings: []
		});
		expect(readEvidence('「3 月 3 日上傳了 10 項產品，開始試刊。」', 'zh-TW').concrete).toContain(
			'3 月 3 日'
		);
		expect(
			readEvidence('He said it sounds good, but I feel he is not serious.', 'en')
		).toMatchObject({ kind: 'objective', acts: ['said'] });
		expect(readEvidence('The boss is really nice to me.', 'en')).toMatchObject({
			kind: 'subjective',
			acts: [],
			feelings: ['nice'],
			concrete: []
		});
		expect(readEvidence('The boss booked Tuesday at 15:00.', 'en').concrete).toEqual([
			'tuesday',
			'15:00'
		]);
	});

	it('reads a text the same whichever of the two languages it is said to be in', () => {
		for (const [text] of cases)
			expect(evidenceKind(text, 'en'), text).toBe(evidenceKind(text, 'zh-TW'));
	});
});

describe('the strength scale', () => {
	it('runs weak, medium, strong, very strong, as the article ranks them', () => {
		expect(EVIDENCE_STRENGTHS).toEqual(['weak', 'medium', 'strong', 'very-strong']);
		expect(
			EVIDENCE_STRENGTHS.map((s) => [STRENGTH_MEANING[s].rank, STRENGTH_MEANING[s].costs])
		).toEqual([
			[1, 'words'],
			[2, 'information-and-access'],
			[3, 'time-and-effort'],
			[4, 'money-and-paperwork']
		]);
		expect(atLeast('very-strong', 'strong')).toBe(true);
		expect(atLeast('strong', 'strong')).toBe(true);
		expect(atLeast('medium', 'strong')).toBe(false);
	});

	it('reads the content’s names of the levels in both languages', () => {
		expect(['弱', '中', '強', '非常強'].map(parseStrength)).toEqual(EVIDENCE_STRENGTHS);
		expect(['weak', 'Medium', 'strong', 'very strong', 'very-strong'].map(parseStrength)).toEqual([
			...EVIDENCE_STRENGTHS,
			'very-strong'
		]);
		expect(parseStrength('huge')).toBeNull();
		expect(EVIDENCE_STRENGTHS.every(isEvidenceStrength)).toBe(true);
		expect(isEvidenceStrength('strongest')).toBe(false);
	});

	it('matches the levels the article lists under “Stronger and weaker evidence”', () => {
		for (const locale of LOCALES) {
			const article = readFileSync(`content/${locale}/knowledge/deal-coaching-evidence.md`, 'utf8');
			const levels = [...article.matchAll(/^\d\. \*\*([^*:：]+)[:：]\*\*/gm)].map((m) =>
				parseStrength(m[1]!)
			);
			expect(levels, locale).toEqual(EVIDENCE_STRENGTHS);
		}
	});
});
