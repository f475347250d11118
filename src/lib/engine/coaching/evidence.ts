import { isOneOf } from '../one-of';
import type { ContentLocale } from '../content/kinds';
import { foldText } from '../text/fold';
import { EVIDENCE_STRENGTHS, type EvidenceStrength } from './deal-terms';

export { EVIDENCE_STRENGTHS, type EvidenceStrength };

/**
 * Telling evidence from feelings, as the deal-coaching (抓單) article and its sorting quiz teach
 * it (content/<locale>/knowledge/deal-coaching-evidence.md, quizzes/deal-coaching-evidence.yaml):
 *
 * - **Objective evidence** is something the customer said or did, which the rep can quote and
 *   date, so that a team lead could check it: 「老闆問我價格能不能優惠一點」, "they uploaded 10
 *   products and started the trial on March 3", "we talked for 25 minutes" (a fact, if weak).
 * - **Subjective feeling** is the rep's impression of the customer: a feeling or belief
 *   (「感覺意向很大」, "I think he'll sign"), a reading of mood or attitude (「老闆對我態度很好」,
 *   "he sounded warmer"), or a claim nobody is quoted for ("the customer really likes our platform").
 * - **Unclear**: neither can be told from the words: no act of the customer and no feeling (the
 *   rep's own act, "called twice, no answer"; a bare "demo 12/10"; an empty text).
 *
 * How a text is read (each rule is a list of cues below, for English and for Chinese):
 * 1. The text is folded (full-width to half-width, lower case, Simplified to Traditional) and the
 *    quotation marks around the whole of it dropped: the content writes each statement in quotes
 *    as what the rep says.
 * 2. It is cut into sentences, and sentences into clauses (at commas and at "and", "but",
 *    「因為」「但是」…).
 * 3. **Acts of the customer** count as evidence: reported speech ("asked", "said", "told",
 *    「問」「說」「叫我」「要我」), deeds ("booked", "uploaded", "agreed", 「約」「上傳」「試刊」「寄來」)
 *    and words quoted inside the text. An act does not count when it is the rep's own ("I asked
 *    him", 「我問他」; except acts done together: "we talked", 「我們聊了」), when it is negated
 *    ("hasn't replied", 「沒有問」), when it is only in the future or supposed ("he'll sign",
 *    「會簽」), or when it is what the rep believes ("I think he asked": inside the clause of a
 *    belief cue).
 * 4. **Feelings** are belief and prediction cues ("I think", "probably", 「覺得」「應該」) and
 *    mood and attitude cues ("nice", "seemed", "interested", 「態度」「口氣」「認同」「有興趣」).
 *    Words that follow a speech cue in the same sentence are the customer's, not the rep's
 *    impression: "he said it sounds good", 「他說聽起來不錯」 are objective (and weak).
 * 5. The kind: objective if any act of the customer counts (a feeling beside a fact does not
 *    undo the fact); else subjective if any feeling is left; else unclear.
 *
 * Cues of both languages are applied to every text, each only ever matching its own script,
 * so a Chinese note with an English product name, or an English one quoting the customer in
 * Chinese, is read whole; `locale` is the deal's language and does not change the reading.
 */
export type EvidenceKind = 'objective' | 'subjective' | 'unclear';

export interface EvidenceReading {
	kind: EvidenceKind;
	/** The customer's acts that count, as written (folded). */
	acts: string[];
	/** The rep's feelings that count, as written (folded). */
	feelings: string[];
	/** Dates, times and figures: what makes evidence concrete (checkable). */
	concrete: string[];
}

export function evidenceKind(text: string, locale: ContentLocale): EvidenceKind {
	return readEvidence(text, locale).kind;
}

/** What a level of evidence cost the customer. */
export type EvidenceCost =
	'words' | 'information-and-access' | 'time-and-effort' | 'money-and-paperwork';

/**
 * What each level means, from the article's "Stronger and weaker evidence" (證據的強弱):
 * objective does not mean strong; evidence is ranked by what it cost the customer. (What a page
 * says of each level is in the messages; these are the rules.)
 */
export const STRENGTH_MEANING: Readonly<
	Record<EvidenceStrength, { rank: 1 | 2 | 3 | 4; costs: EvidenceCost }>
> = {
	// 弱: words that cost nothing (不花成本的話): "sounds good", "send me some material", a long chat.
	weak: { rank: 1, costs: 'words' },
	// 中: information and access (給資訊、給管道): naming their main customers, the boss's mobile number.
	medium: { rank: 2, costs: 'information-and-access' },
	// 強: time and effort (花時間和心力): a trial, a booked review call, the boss brought in; in the
	// article's table also detailed product questions and negotiating the price.
	strong: { rank: 3, costs: 'time-and-effort' },
	// 非常強: money and paperwork (談到錢和文件): invoice details, payment terms, two-year pricing.
	'very-strong': { rank: 4, costs: 'money-and-paperwork' }
};

export function isEvidenceStrength(value: unknown): value is EvidenceStrength {
	return isOneOf(EVIDENCE_STRENGTHS, value);
}

/** Whether `a` is at least as strong as `b`. */
export function atLeast(a: EvidenceStrength, b: EvidenceStrength): boolean {
	return STRENGTH_MEANING[a].rank >= STRENGTH_MEANING[b].rank;
}

/** The level a word of the content names: weak / medium / strong / very strong, 弱 / 中 / 強 / 非常強. */
export function parseStrength(word: string): EvidenceStrength | null {
	const folded = foldText(word)
		.trim()
		.replace(/[\s_-]+/g, ' ');
	const names: Record<string, EvidenceStrength> = {
		weak: 'weak',
		弱: 'weak',
		medium: 'medium',
		中: 'medium',
		strong: 'strong',
		強: 'strong',
		'very strong': 'very-strong',
		非常強: 'very-strong'
	};
	return names[folded] ?? null;
}

// ————————————————————————————————————————————————————————————————— the cues

/** Quotation marks: the content's statements are wrapped in them; inside a text they quote the customer. */
const QUOTES: [open: string, close: string][] = [
	['「', '」'],
	['『', '』'],
	['“', '”'],
	['"', '"']
];

/** Sentence ends (a full stop between digits, as in 3.5 or 12.10, is not one). */
const SENTENCE_END = /[。！？!?;；\n]|(?<!\d)\.(?!\d)/g;
/** Clause breaks: belief cues reach to the end of their clause, not further. */
const CLAUSE_BREAK =
	/[,，、:：()（）]|\b(?:and|but|because|since|so|though|although|while|whereas)\b|因為|但是|不過|可是|而且|所以|但/g;

/**
 * English speech cues: the customer's words reported. Past and present forms only: a base form
 * ("he'll ask") is a plan, not an act.
 */
const EN_SPEECH =
	/\b(?:asked|asks|said|says|told|tells|requested|requests|inquired|enquired|mentioned|complained|confirmed|replied|answered|insisted|promised)\b/g;
/** English deeds the customer does (or does with the rep: see EN_TOGETHER). */
const EN_DEED =
	/\b(?:agreed|agrees|booked|books|scheduled|arranged|uploaded|started|signed|paid|ordered|registered|accepted|chose|picked|filled in|filled out|compared|downloaded|visited|came|brought|listed|approved|joined|attended|tried|tested|opened|renewed|named|returned|set up|talked|spoke|met|chatted|wants|wanted|needs|needed|would like|'d like|called back|rang back|hung up|comparing|considering|asking|requesting|using|testing|trialling|trialing)\b/g;
/** Deeds that are the customer's only when they are the subject or the rep is the object ("sent us", "called me back"). */
const EN_TOWARD_US =
	/\b(?:sent|emailed|gave|shared|forwarded|texted|messaged|called|rang|wrote|introduced|invited|left)\b/g;
/** Acts done together: "we talked", "I met the boss" are the customer's time too. */
const EN_TOGETHER = /^(?:agreed|booked|scheduled|arranged|set up|talked|spoke|met|chatted)$/;
/** Beliefs and predictions: they reach to the end of their clause ("I think he asked" is a belief). */
const EN_BELIEF =
	/\b(?:(?:i|we)(?:'m| am| are|'re)? (?:really |just |kind of |pretty )?(?:think|thought|believe|believed|guess|reckon|feel|felt|expect|hope|bet|suppose|assume|sure|confident|certain)|probably|likely|maybe|perhaps|surely|definitely|seems?|seemed|appears?|appeared|looks? like|looked like|sounds? like|sounded like|(?:will|'ll|would|'d|should|is going to|are going to|gonna) (?:definitely |surely |probably )?(?:buy|sign|close|renew|order|pay|go ahead|come through|convert|join)|(?:wants?|would like|'d like) to (?:buy|sign|purchase|join|go ahead|renew|close))\b/g;
/** Readings of mood and attitude, and claims of liking or interest nobody is quoted for. */
const EN_MOOD =
	/\b(?:feels?|felt|feeling|vibes?|impression|gut|sounded|sounds good|seemed|nice|friendly|warm|warmer|polite|positive|enthusiastic|keen|eager|excited|happy|pleased|impressed|interested|interest|serious|receptive|engaged|cooperative|hot|intent|intention|rapport|relationship|trusts?|likes|liked|loves?|loved|into us|on board|promising|potential|good chance|hot lead|warm lead)\b/g;
/** Before an act, a word that makes it not (yet) one. */
const EN_NOT =
	/^(?:not|never|no|nobody|nothing|cannot|can't|won't|didn't|doesn't|don't|hasn't|haven't|hadn't|isn't|wasn't|weren't|aren't)$|n't$/;
const EN_SUPPOSED = /^(?:will|would|should|could|might|may|can|must|to|gonna|shall)$|'ll$|'d$/;
const EN_REP = /^(?:i|we|i'm|i've|we're|we've)$/;
const EN_SKIP =
	/^(?:already|just|also|then|finally|even|actually|really|personally|himself|herself|themselves|quickly|immediately|today|yesterday|again|first|later|both|all|has|have|had|did|does|do|eventually|recently|only|once|twice|is|are|am|was|were|been|be|still|now|currently)$/;
const EN_AND = /^(?:and|then|plus)$/;

/** Chinese speech cues. 問題 is a problem, not a question asked; 說明 and 說服 are the rep's; 聽說 is hearsay; 說不定 a guess. */
const ZH_SPEECH =
	/問(?!題)|(?<!聽)說(?!明|服|不定)|叫我|要我|請我|要求|表示|提到|抱怨|回覆|回答|確認|答應|同意|詢問|打聽|交代/g;
/** Chinese deeds of the customer; directional forms (寄來、給我) name the customer as the doer. */
const ZH_DEED =
	/(?<![大合契節公續])約(?!莫)|上傳|上架|試刊|試用|報名|下單|簽約|簽了|已簽|付款|付了|已付|匯款|匯了|轉帳|寄來|寄給我|寄了.{0,6}給我|傳來|傳給我|給了我|給我們|提供|留了|回電|回信|來電|打來|聊了|談了|聊過|談過|見面|見了|拜訪|參加|出席|拉進來|帶.{0,3}來|介紹.{0,4}給我|開始|填了|選了|比較了|掛了?(?:我的?)?電話|掛斷/g;
/** Acts done together (「我們聊了」「我約了老闆」): the customer's time too. */
const ZH_TOGETHER = /^(?:約|聊了|談了|聊過|談過|見面|見了)$/;
const ZH_BELIEF =
	/說不定|覺得|感覺|認為|相信|我猜|猜|我想|好像|似乎|看起來|聽起來|看來|應該|可能|大概|也許|八成|一定會|肯定會|有把握|預計|預估/g;
const ZH_MOOD =
	/態度|口氣|語氣|親切|熱情|友善|客氣|熱絡|認同|喜歡|欣賞|興趣|意向|意願|很想|想買|想簽|會簽|會買|會成|有希望|機會很大|很好|不錯|印象|信任|關係|愉快|開心|滿意|爽快|積極|誠意|看好|潛力|有機會/g;
const ZH_NOT = /(?:沒有|沒|不|未|別|不會|不要)$/;
const ZH_SUPPOSED = /(?:會|將|要|想|打算|準備|可能|應該)$/;
const ZH_SKIP =
	/(?:已經|已|有|也|就|都|又|再|還|剛剛|剛|才|主動|親自|直接|馬上|立刻|今天|昨天|前天|上週|後來|最後|終於)$/;

/** Dates, times and figures: 3 月 3 日, 12/10, 15:00, Tuesday, 週三, 25 minutes, NT$26,800. */
const CONCRETE =
	/\d+\s*月\s*\d+\s*[日號]|\d{1,4}[/-]\d{1,2}(?:[/-]\d{1,4})?|\d{1,2}:\d{2}|nt\$\s*[\d,]+|\d[\d,.]*|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|january|february|march|april|june|july|august|september|october|november|december)\b|[週周]\s*[一二三四五六日天]|星期\s*[一二三四五六日天]|禮拜\s*[一二三四五六日天]|今天|昨天|明天|上午|下午|晚上/g;

interface Span {
	start: number;
	end: number;
	text: string;
}

function find(pattern: RegExp, text: string, from = 0, to = text.length): Span[] {
	const spans: Span[] = [];
	const part = text.slice(from, to);
	for (const match of part.matchAll(pattern))
		spans.push({
			start: from + match.index,
			end: from + match.index + match[0].length,
			text: match[0]
		});
	return spans;
}

/** Cuts [from, to) at the matches of `pattern` into the ranges between them. */
function ranges(pattern: RegExp, text: string, from: number, to: number): [number, number][] {
	const cuts = find(pattern, text, from, to);
	const out: [number, number][] = [];
	let start = from;
	for (const cut of cuts) {
		if (cut.start > start) out.push([start, cut.start]);
		start = cut.end;
	}
	if (to > start) out.push([start, to]);
	return out;
}

/** The text without the quotation marks that wrap the whole of it (and its outer spaces). */
function unwrapped(text: string): string {
	let t = text.trim();
	for (let again = true; again;) {
		again = false;
		for (const [open, close] of QUOTES) {
			if (
				t.length >= 2 &&
				t.startsWith(open) &&
				t.endsWith(close) &&
				!t.slice(1, -1).includes(close)
			) {
				t = t.slice(1, -1).trim();
				again = true;
			}
		}
	}
	return t;
}

/** Spans quoted inside a text: the customer's words. */
function quotedSpans(text: string): Span[] {
	const spans: Span[] = [];
	for (const [open, close] of QUOTES) {
		let at = text.indexOf(open);
		while (at >= 0) {
			const end = text.indexOf(close, at + 1);
			if (end < 0) break;
			spans.push({ start: at, end: end + 1, text: text.slice(at, end + 1) });
			at = text.indexOf(open, end + 1);
		}
	}
	return spans;
}

type Doer = 'customer' | 'rep' | 'none' | 'negated' | 'supposed';

/**
 * Who does an English act: the word before it in its clause (past adverbs). An act at the start
 * of a clause ("…and started the trial", "called twice, left a message") has the doer of the act
 * before it in the sentence, or none.
 */
function englishDoer(
	text: string,
	clauseStart: number,
	act: Span,
	previous: Doer | undefined
): Doer {
	const words = (text.slice(clauseStart, act.start).match(/[a-z0-9']+/g) ?? []).filter(
		(word) => !EN_SKIP.test(word) || EN_NOT.test(word)
	);
	const [last, before] = [words.at(-1), words.at(-2)];
	// "didn't reply", "has not replied", "never asked", "no one answered".
	if ((last && EN_NOT.test(last)) || (before && EN_NOT.test(before))) return 'negated';
	if (!last || EN_AND.test(last)) return previous ?? 'none';
	if (EN_SUPPOSED.test(last)) return 'supposed';
	if (EN_REP.test(last)) return 'rep';
	return 'customer';
}

/** Who does a Chinese act: what stands right before it in its clause (past adverbs). */
function chineseDoer(text: string, clauseStart: number, act: Span): Doer {
	let before = text.slice(clauseStart, act.start).replace(/\s+$/, '');
	for (let skipped = true; skipped;) {
		skipped = false;
		if (ZH_NOT.test(before)) return 'negated';
		const skip = before.match(ZH_SKIP);
		if (skip) {
			before = before.slice(0, -skip[0].length).replace(/\s+$/, '');
			skipped = true;
		}
	}
	if (ZH_SUPPOSED.test(before)) return 'supposed';
	if (before.endsWith('我') && !before.endsWith('我們')) return 'rep';
	return before ? 'customer' : 'none';
}

function inside(span: Span, ranges: readonly Span[]): boolean {
	return ranges.some((r) => span.start >= r.start && span.end <= r.end);
}

interface Act {
	span: Span;
	doer: Doer;
	speech: boolean;
	/** Acts done together (「我們聊了」, "we talked"): the rep as the doer does not rule them out. */
	together: boolean;
	/** Deeds that are the customer's only when done to the rep ("sent us", "called me back"). */
	toward: boolean;
}

/** The acts in a sentence, in order, each with its doer. */
function actsIn(
	folded: string,
	sStart: number,
	sEnd: number,
	clauseStartOf: (span: Span) => number
): Act[] {
	const english = [
		...find(EN_SPEECH, folded, sStart, sEnd).map((span) => ({ span, speech: true, toward: false })),
		...find(EN_DEED, folded, sStart, sEnd).map((span) => ({ span, speech: false, toward: false })),
		...find(EN_TOWARD_US, folded, sStart, sEnd).map((span) => ({
			span,
			speech: false,
			toward: true
		}))
	].sort((a, b) => a.span.start - b.span.start);
	const acts: Act[] = [];
	// "and" takes the doer of the act before: "I asked about his budget and told him the price".
	let previous: Doer | undefined;
	for (const act of english) {
		const doer = englishDoer(folded, clauseStartOf(act.span), act.span, previous);
		if (doer === 'customer' || doer === 'rep' || doer === 'none') previous = doer;
		acts.push({ ...act, doer, together: EN_TOGETHER.test(act.span.text) });
	}
	for (const span of find(ZH_SPEECH, folded, sStart, sEnd))
		acts.push({
			span,
			doer: chineseDoer(folded, clauseStartOf(span), span),
			speech: true,
			toward: false,
			together: false
		});
	for (const span of find(ZH_DEED, folded, sStart, sEnd))
		acts.push({
			span,
			doer: chineseDoer(folded, clauseStartOf(span), span),
			speech: false,
			toward: false,
			together: ZH_TOGETHER.test(span.text)
		});
	return acts;
}

/** Whether an act is the customer's (leaving aside beliefs, which are checked after). */
function customersAct(act: Act, folded: string): boolean {
	if (act.doer === 'negated' || act.doer === 'supposed') return false;
	if (act.doer === 'rep') return act.together;
	// "sent us", "called me back": the rep is the one it was done to.
	if (act.toward && act.doer !== 'customer')
		return /^\s*(?:us|me|back|our|my)\b/.test(folded.slice(act.span.end, act.span.end + 6));
	return true;
}

/**
 * Reads one piece of evidence: its kind, and the cues that decided it (for a page that says
 * why). See the comment at the top of this file for the rules.
 */
export function readEvidence(text: string, locale: ContentLocale): EvidenceReading {
	void locale; // see the comment at the top: both languages' cues are applied, each on its own script
	const folded = unwrapped(foldText(text.replace(/[‘’]/g, "'")));
	const counted: Span[] = [];
	const feelings: Span[] = [];
	const quotes = quotedSpans(folded);
	for (const [sStart, sEnd] of ranges(SENTENCE_END, folded, 0, folded.length)) {
		const clauses = ranges(CLAUSE_BREAK, folded, sStart, sEnd);
		const clauseStartOf = (span: Span) =>
			(clauses.find(([a, b]) => span.start >= a && span.start < b) ?? [sStart])[0];
		const acts = actsIn(folded, sStart, sEnd, clauseStartOf);
		// Words after a speech cue are reported, not the rep's impression: to the end of the
		// sentence after the customer's ("he said it sounds good, and…"), to the end of the
		// clause after the rep's own ("I asked if he was interested").
		const speech = acts.filter((a) => a.speech && a.doer !== 'negated');
		const reported = (span: Span) =>
			inside(span, quotes) ||
			speech.some(
				(a) =>
					a.span.end <= span.start &&
					(customersAct(a, folded) || clauseStartOf(a.span) === clauseStartOf(span))
			);
		const beliefs = [
			...find(EN_BELIEF, folded, sStart, sEnd),
			...find(ZH_BELIEF, folded, sStart, sEnd)
		].filter((b) => !reported(b));
		const moods = [
			...find(EN_MOOD, folded, sStart, sEnd),
			...find(ZH_MOOD, folded, sStart, sEnd)
		].filter((m) => !reported(m));
		feelings.push(...beliefs, ...moods);
		// An act the rep believes or predicts ("I think he asked", "wants to buy") is not one.
		const believed = (span: Span) =>
			beliefs.some(
				(b) =>
					(b.end <= span.start && clauseStartOf(b) === clauseStartOf(span)) ||
					(span.start >= b.start && span.end <= b.end)
			);
		for (const act of acts)
			if (customersAct(act, folded) && !believed(act.span)) counted.push(act.span);
		// The customer's own words, quoted (not inside a belief: "I think he'd say 'fine'").
		for (const quote of quotes)
			if (quote.start >= sStart && quote.start < sEnd && !believed(quote)) counted.push(quote);
	}
	const concrete = find(CONCRETE, folded).map((s) => s.text.trim());
	const kind: EvidenceKind =
		counted.length > 0 ? 'objective' : feelings.length > 0 ? 'subjective' : 'unclear';
	const order = (spans: Span[]) => [
		...new Map(
			spans.sort((a, b) => a.start - b.start).map((s) => [s.start, s.text.trim()])
		).values()
	];
	return { kind, acts: order(counted), feelings: order(feelings), concrete };
}

// ————————————————————————————————————————————————————————————— a suggested strength

/**
 * Cues of what the evidence cost the customer, strongest first (the article's scale, and its
 * table: negotiating the price and detailed product questions are strong, asking which name
 * goes on the invoice very strong).
 */
const STRENGTH_CUES: [EvidenceStrength, RegExp][] = [
	[
		'very-strong',
		/invoice|billing|payment|\bpaid\b|\bpay\b|bank transfer|wire|contract terms|purchase order|two-year|2-year|two years|\bquote\b|quotation|tax id|發票|抬頭|統編|付款|匯款|轉帳|請款|收據|訂金|二年約|兩年|二年|2\s*年|報價|合約/
	],
	[
		'strong',
		/trial|upload|\bdemo\b|meeting|booked|scheduled|review call|visit|brought|the boss in|keyword|differ|difference|compare|cheaper|discount|price (?:could |can |would )?(?:come )?(?:down|lower)|lower price|試刊|試用|上傳|上架|(?<![大合契節公續])約|會議|見面|拜訪|報表|拉進來|帶.{0,3}來|關鍵字|差在哪|差別|比較|優惠|便宜|折扣|殺價/
	],
	[
		'medium',
		/main customers|their customers|mobile|phone number|\bnumber\b|product list|catalogue|catalog|introduced|decision maker|who decides|主要客戶|客戶是|手機|號碼|給了?我.{0,4}電話|聯絡|產品清單|產品目錄|型錄|介紹|窗口|誰決定|決策/
	]
];

/**
 * A strength to suggest for a piece of evidence, for the rep to confirm or change: null unless
 * it reads as objective (a feeling has no strength), else the strongest level whose cues it
 * has, or weak (words that cost nothing).
 */
export function suggestStrength(text: string, locale: ContentLocale): EvidenceStrength | null {
	if (evidenceKind(text, locale) !== 'objective') return null;
	const folded = foldText(text);
	for (const [strength, cue] of STRENGTH_CUES) if (cue.test(folded)) return strength;
	return 'weak';
}
