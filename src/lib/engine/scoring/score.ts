import { foldText } from '../text/fold';
import { INTENT_PREFIX } from '../content/schemas';
import { citedIntents, GAP, wholeIntent } from './lexicon';
import {
	containsChinese,
	foldForMatch,
	latinWordSpans,
	latinWords,
	normalizeForMatch,
	punctuationToSpaces,
	wordSpans,
	type Word
} from './normalize';
import { holdsNegation, negationReader } from './negation';
import {
	closenessOf,
	NO_MODEL_ANSWERS,
	termsOfFolded,
	type ModelAnswers,
	type Nearest
} from './closeness';
import {
	bracketedSpans,
	quotedCustomerSpans,
	harpsOn,
	refersTo,
	isNotes,
	isStageDirections,
	repeatsItself,
	restatesItself
} from './speech';
import { wrongConversions } from './periods';
import {
	countedFactOf,
	figuresIn,
	figuresOfPhrases,
	MAY_SAY_ROUGHLY,
	MAY_SPELL_COUNT,
	MAY_SPELL_NUMBER,
	wrongCounts,
	wrongPrices,
	type CountedFact,
	type TierPricesNear
} from './figures';
import { companyFactOf, wrongCompanyFacts, type CompanyFact } from './company-facts';

export type Span = [start: number, end: number];

export interface KeyPoint {
	point: string;
	criterion?: string;
	weight: number;
	cues: readonly string[];
}

export interface Pitfall {
	point: string;
	penalty: number;
	cues: readonly string[];
}

export interface PointResult {
	point: string;
	criterion: string | null;
	weight: number;
	hit: boolean;
	/** Where in the reply the point was made (character offsets into the original reply). */
	spans: Span[];
	/**
	 * A point missed in its own words that the reply still does in kind, by a technique signal of
	 * its criterion (SIGNAL_OF_CRITERION): it earns `SCORING.inKindShare` of its weight.
	 */
	inKind?: Signal;
}

export interface PitfallResult {
	point: string;
	penalty: number;
	hit: boolean;
	spans: Span[];
	/** Set on a company rule of the lexicon, which applies to every beat, rather than the beat's own pitfall: its id. */
	rule?: string;
	/** Set on a pitfall of the beat whose words also break a company rule (which is then not listed twice): the rule's id. */
	breaks?: string;
}

export const SIGNALS = ['question', 'acknowledge', 'concrete', 'next-step'] as const;
export type Signal = (typeof SIGNALS)[number];

export const FLAGS = [
	'too-short',
	'too-long',
	'cue-list',
	'notes',
	'stage-directions',
	'repeated-sentence',
	'repeats-earlier-reply',
	'monologue',
	'off-topic',
	'wrong-fact',
	'stuffing',
	'polite-empty'
] as const;
export type Flag = (typeof FLAGS)[number];

export interface ReplyScore {
	/** 0 to 1. */
	score: number;
	points: PointResult[];
	pitfalls: PitfallResult[];
	signals: Signal[];
	flags: Flag[];
	/** What closeness to the beat's model answers added (see closeness.ts); absent in turns scored before it. */
	closeness?: number;
	/** The beat's good model answer nearest the reply, when it has any. */
	nearest?: Nearest | null;
	/** Where the reply states a wrong fact (flag `wrong-fact`): a price not on the price list, a claim never true. */
	wrongFacts?: Span[];
}

/**
 * The scoring model, for trainers (the help page says the same):
 * - A key point counts when the reply contains one of its cues. Chinese cues match anywhere;
 *   English cues match whole words, with light stemming ("don't" and "dont" are one word). Case,
 *   full/half width, punctuation and Simplified/Traditional do not matter. A cue `@id` stands for
 *   every phrase of that intent of the language's lexicons; a cue `A … B` needs A, then B later in
 *   the same clause (GAP_REACH).
 * - A cue said in the negative ("I can't offer a discount", 「我沒辦法私下打折」), in words the rep
 *   puts in the customer's mouth ("you said it's too expensive") or in brackets does not count, for
 *   key points and pitfalls alike (negation.ts has the rules). His own words quoted back to him
 *   (「『零頭去掉、算兩萬』——王經理，…」) break no rule and fall into no pitfall, though a point may
 *   count in them (quotedCustomerSpans).
 * - A reply that falls into no pitfall and breaks no rule starts at 0.2, and its key points share
 *   the other 0.8 by weight. A point missed in its cues but done in kind (SIGNAL_OF_CRITERION: a
 *   question for needs discovery, acknowledging for an objection, a next step for closing, a figure
 *   for product knowledge) earns two fifths of its weight on such a reply when it is speech about the
 *   call (a point made or an `on-topic` word) with no bracketed labels and no wrong fact, bringing it to at most 0.55 with its signals. Otherwise beat score = (weight of the points made − penalties of the
 *   pitfalls fallen into) ÷ the weight of all points. Technique signals add 0.05 each (a question,
 *   acknowledging the customer, a concrete figure) and 0.1 for a next step (a day or hour named or
 *   asked for, sending something, the trial offered or started, not only mentioned), up to 0.2.
 *   Closeness to the beat's good model answers, in words and in what they do, adds up to 0.12
 *   (`CLOSENESS.maxCredit`), and 0.1 more (`echoCredit`) for saying nearly all a model answer says
 *   (closeness.ts), never closeness to a bad one;
 *   a clean reply about the call that closeness credits at all keeps at least 0.4 (`closeFloor`).
 * - The company rules of the language's lexicons apply on every beat as pitfalls (the demo's:
 *   promising results or money back, discounts or extras beyond the two-year offer, haggling,
 *   pressure, badmouthing a competitor, insults and talking down). Breaking one is harmful (a
 *   trainer's 1) whatever else the reply does well: it keeps a fifth of its score, at most 0.1, also
 *   when the beat's own pitfall caught the same words (`breaks`). A rule whose penalty is under 1
 *   (asking a manager for a better price) is poor instead, as a beat's pitfall. A beat's pitfall alone is poor
 *   (a 2): at least 0.1, and at most 0.6, below the pass line. A rude rule's breach earns no
 *   question or acknowledgement: a rude question is not a question.
 * - A wrong fact (a price not on the lexicon's price list, a claim never true such as a trial
 *   deposit; see FACT_INTENTS and figures.ts) keeps the reply at most 0.6, below the pass line: a
 *   trainer's 2, as a beat's pitfall. The words are listed (`wrongFacts`).
 * - A reply that neither asks anything nor proposes a next step keeps at most 0.8: a trainer's 4 at
 *   best (the script library's replies ask, or give evidence and propose a step).
 * - A very short reply scores half. Notes instead of speech (a list of the beat's cue words, fragments
 *   that address no one, bracketed stage directions), the same words said twice or one word harped
 *   on in most clauses, a reply given before in the same role-play, and an off-topic reply (no key
 *   point, no pitfall, none of the lexicon's `on-topic` words and no word of the customer's line)
 *   keep a fifth, at most 0.1. A long reply that asks nothing is a monologue, cut to half; one that
 *   takes up what the customer just said may run a fifth longer and keeps at most 0.68. Neither can
 *   pass. A very long one loses 0.1.
 * - Five or more selling points listed one after another (the lexicon's `selling-points`, each in
 *   its own item of the reply, the same point again not counted) are stuffing: at most 0.4.
 */
export const SCORING = {
	/**
	 * What a reply that keeps every rule is worth before its key points: the key points share the
	 * rest. A harmless, vague reply is better than one that breaks a rule, as a trainer grades them.
	 */
	cleanBase: 0.2,
	/** What a reply that falls into a pitfall of the beat keeps at least: it is poor, not harmful. */
	pitfallFloor: 0.1,
	/** And at most: poor (a trainer's 2) is below the pass line (0.7), however much else it says. */
	pitfallCap: 0.6,
	/** A reply that breaks a company rule keeps this share of its score, and at most `ruleCap`. */
	ruleCut: 0.2,
	ruleCap: 0.1,
	/**
	 * The penalty from which a company rule is harmful (a trainer's 1: a discount, a promise,
	 * pressure); a rule with a smaller one is poor (a 2), as a beat's pitfall: asking a manager for a
	 * better price (GRADING.md).
	 */
	harmfulRule: 1,
	/** The most a reply that is not speech (notes, a list of cue words, stage directions, repeats) keeps. */
	notSpeechCap: 0.1,
	/** A next step is worth more than the other signals: the call is there to get one. */
	signalBonus: {
		question: 0.05,
		acknowledge: 0.05,
		concrete: 0.05,
		'next-step': 0.1
	} satisfies Record<Signal, number>,
	maxSignalBonus: 0.2,
	minCharsChinese: 8,
	minWordsLatin: 5,
	maxCharsChinese: 400,
	maxWordsLatin: 150,
	cueListShare: 0.65,
	/** From this length on, a reply with no question is a monologue. */
	monologueCharsChinese: 90,
	monologueWordsLatin: 50,
	/** How much longer a reply that takes up what the customer just said may run before it is a monologue. */
	monologueReferring: 1.2,
	/** What a monologue keeps: half, or, when it takes up what the customer said, a little more; never the pass line (0.7). */
	monologueCut: 0.5,
	monologueReferringCut: 0.68,
	/**
	 * The most a reply that neither asks anything nor proposes a next step keeps: it may be good (a
	 * trainer's 4) but is not what the script library would keep (a 5 asks, or gives evidence and
	 * proposes a step). Above the pass line (0.7): such a reply still moves the call on.
	 */
	noQuestionCap: 0.8,
	/**
	 * The most a reply keeps that asks nothing, proposes no step and gives no figure, and says a
	 * courtesy that carries nothing (the lexicon's `empty-courtesy`: have a wonderful day, we value
	 * every customer, 祝您生意興隆): polite and empty, a trainer's 2 or 3, under the pass line.
	 */
	politeEmptyCap: 0.65,
	/**
	 * The most a reply that states a wrong fact keeps (a price not on the price list, a trial deposit):
	 * GRADING.md caps it at a trainer's 2, poor, as a beat's pitfall.
	 */
	wrongFactCap: 0.6,
	/**
	 * The share of its weight a key point missed in its cue words earns when the reply does it in
	 * kind (asks, acknowledges, proposes a step, gives a figure: SIGNAL_OF_CRITERION), on a reply that
	 * falls into no pitfall and is speech: a trainer hears the technique in the rep's own words.
	 */
	inKindShare: 0.4,
	/**
	 * The most a reply's key points done in kind bring it to, its signals included: under every pass
	 * line the shipped scenarios use (0.6 and up), so that no reply passes without making a point.
	 */
	inKindCap: 0.55,
	/**
	 * What a clean reply that speaks about the call keeps at least when closeness to a good model
	 * answer earns it anything (closeness.ts): it says, in its own words, much of what a good answer
	 * says, so it is no worse than acceptable (a trainer's 3), under the pass line.
	 */
	closeFloor: 0.4,
	/**
	 * From this many items of a reply that each name a selling point (the lexicon's `selling-points`:
	 * buyers, visits, ads, the badge, reports, the trial …), the reply is stuffing: a pile of points
	 * rather than an answer to this customer, a trainer's 2 (GRADING.md: a long pitch is a 3 at best).
	 */
	stuffingItems: 5,
	/** Or from this many items that each name a selling point or say a stock acknowledgement. */
	stuffingWithCourtesies: 7,
	/** What stuffing keeps at most: poor, as a beat's pitfall, well under the pass line. */
	stuffingCap: 0.4
} as const;

/**
 * Which technique signal does a key point of a criterion in kind: a reply that asks about the
 * customer does some needs discovery whatever it asks, one that acknowledges handles the objection
 * in part. An opening is its own words (a name, a company), so no signal stands for it.
 */
export const SIGNAL_OF_CRITERION: Readonly<Record<string, Signal>> = {
	'needs-discovery': 'question',
	'objection-handling': 'acknowledge',
	composure: 'acknowledge',
	closing: 'next-step',
	'product-knowledge': 'concrete'
};

// Flags that say a reply is not speech, or not about the call: no point is done in kind there.
const NOT_SPEECH: ReadonlySet<Flag> = new Set([
	'cue-list',
	'notes',
	'stage-directions',
	'repeated-sentence',
	'repeats-earlier-reply',
	'off-topic'
]);

// A time named or asked for is a next step whatever it is for: the lexicon's intents for it, which
// the beats' key points cite too. English words match across a comma, so the English intent for a
// specific time, with its bare figures ("day 10" in "14 days, 10 products"), is left to the key
// points; the days and hours below name a time in any reply.
const [SPECIFIC_TIME, ...TIME_INTENTS] = [
	'book-specific-time',
	'either-or-time',
	'ask-callback-time'
].map((intent) => `${INTENT_PREFIX}${intent}`);
const ENGLISH_TIMES = [
	'monday',
	'tuesday',
	'wednesday',
	'thursday',
	'friday',
	'oclock',
	'this afternoon',
	'tomorrow morning',
	'tomorrow afternoon'
];

const SIGNAL_CUES: Record<
	Exclude<Signal, 'concrete'>,
	{ zh: readonly string[]; en: readonly string[] }
> = {
	// English question words are read by ENGLISH_QUESTION: "how often buyers open your page" asks nothing.
	// Chinese question words and particles are read by isChineseQuestion: 「報表會告訴您有多少人看。」 asks nothing.
	question: {
		zh: [
			'請問',
			'是不是',
			'有沒有',
			'會不會',
			'要不要',
			'可不可以',
			'能不能',
			'好不好',
			'對不對',
			'行不行',
			'方便嗎',
			'可以嗎'
		],
		en: [
			'could you',
			'would you',
			'do you',
			'did you',
			'does he',
			'does she',
			'can i',
			'can you',
			'may i',
			'shall we',
			'is it',
			'are you',
			'have you',
			'is he',
			'is she',
			'will you',
			'any chance',
			// Spoken questions without a question mark: "would it be worth trying ten listings".
			'would it',
			'could it',
			'is there',
			'are there',
			'how about',
			'what about',
			'would that',
			'does that',
			'shall i',
			'can we',
			'could we',
			// Typed in a hurry: "want me to send that over today".
			'want me to',
			'should i'
		]
	},
	// Thanks is politeness, not acknowledging: "thanks, but no" acknowledges nothing.
	acknowledge: {
		zh: [
			'理解',
			'了解',
			'明白',
			'確實',
			'沒錯',
			'說得對',
			'講得對',
			'說的是',
			'說的也是',
			'講的也是',
			'我懂',
			'難怪',
			'有道理',
			'能體會',
			'辛苦了',
			'很正常',
			'小心是對的',
			'謹慎是對的',
			'換作是我',
			'換成是我',
			'如果是我'
		],
		en: [
			'understand',
			'i hear you',
			'fair',
			'makes sense',
			'appreciate',
			'you are right',
			"you're right",
			'good point',
			'i see',
			'i get it',
			'got it',
			'no wonder',
			'i can imagine',
			'in your shoes',
			'understandable'
		]
	},
	'next-step': {
		zh: [
			// A trial is a step when it is offered or started, not when it is only talked about.
			'開試刊',
			'開通試刊',
			'先試刊',
			'先試用',
			'免費試刊',
			'免費試用',
			'試刊看看',
			'試用看看',
			'幫您開',
			// Booking a time, not 約 alone: 大約 is roughly, 兩年約 a contract.
			'約個',
			'約時間',
			'約您',
			'約老闆',
			'約一下',
			'約哪',
			'再約',
			'約好',
			'約見',
			'約在',
			'安排',
			'下週',
			'明天',
			'寄給',
			'回電',
			'再打',
			'見面',
			'報價單',
			'合約',
			// The next call said with what happens in it, not 下次 alone: 「下次再說」 puts the call off.
			'下次打',
			'下次再打',
			'下次見',
			'下次來',
			'下次拜訪',
			'下次聯絡',
			'下次什麼時候',
			'下次哪',
			SPECIFIC_TIME!,
			...TIME_INTENTS
		],
		en: [
			// A trial is a step when it is offered or started, not when it is only talked about.
			'free trial',
			'start the trial',
			'start a trial',
			'trial for you',
			'schedule',
			'book',
			'next week',
			'tomorrow',
			'send you',
			'call you back',
			'meeting',
			'contract',
			'quote',
			'set up',
			'follow up',
			...ENGLISH_TIMES,
			...TIME_INTENTS
		]
	}
};

// A Chinese reply may hold English words too: both lists, joined once.
const bothLanguages = (signal: keyof typeof SIGNAL_CUES) => [
	...SIGNAL_CUES[signal].zh,
	...SIGNAL_CUES[signal].en
];
const SIGNAL_CUES_WITH_CHINESE: Record<keyof typeof SIGNAL_CUES, readonly string[]> = {
	question: bothLanguages('question'),
	acknowledge: bothLanguages('acknowledge'),
	'next-step': bothLanguages('next-step')
};

/**
 * An English question without its question mark, as people type and speak: a question word that
 * opens a clause and is followed by what questions go on with ("how many", "when is", "what do",
 * "what's"). The same word inside a clause ("count how often buyers open it") or opening a
 * subordinate one ("when buyers find you, …") asks nothing; nor does "which" or "who" after a comma,
 * which opens a relative clause ("…, which is roughly NT$90 per inquiry").
 */
const AUXILIARY = 'is|are|was|were|do|does|did|can|could|would|will|should|shall|have|has';
const questionWords = (words: string) =>
	`(?:(?:${words})['’]?s\\b|(?:${words})\\s+(?:${AUXILIARY}|about|many|much|often|long|soon|far|kind|sort|type|time|day|if|else|exactly|not)\\b)`;
// After a comma, "how many" or "how often" asks only when an auxiliary follows ("…, how many
// inquiries did you get"): "page views, how often buyers opened your pages" explains a figure.
const questionWordsAfterComma = (words: string) =>
	`(?:(?:${words})['’]?s\\b|(?:${words})\\s+(?:${AUXILIARY}|about|kind|sort|type|time|day|if|else|exactly|not)\\b|how\\s+(?:many|much|often|long|soon|far)(?:\\s+[a-z'’-]+){0,3}?\\s+(?:${AUXILIARY})\\b)`;
const CLAUSE_OPENING = `(?:^|[.!?;:\\n]\\s*|\\b(?:so|and|but|ok|okay|well|then|also|now|sure|great|right|alright)\\s+)`;
const ENGLISH_QUESTION = new RegExp(
	`${CLAUSE_OPENING}${questionWords('what|how|when|where|who|which|why')}|,\\s*${questionWordsAfterComma('what|how|when|where|why')}|${CLAUSE_OPENING}(?:which|what)\\s+(?:products|parts|ones|one|items|models|moulds|molds)\\b`
);

// Spoken fillers and stutters, which stand between a question's words in a transcript ("so which um
// which products move the most"): left out when a question is looked for.
const FILLERS = /\b(?:u+m+|u+h+|e+r+m*|m{2,}|h+m{2,})\b,?\s*/g;
const STUTTER = /\b([a-z']+)\s+\1\b/g;
function withoutFillers(reply: string): string {
	return reply.toLowerCase().replace(FILLERS, '').replace(STUTTER, '$1');
}

const CHINESE_QUESTION_WORD =
	/多少|怎麼|怎樣|哪|什麼|甚麼|如何|為什麼|幾[點號天個位張項種家年月次成台批]/;

/**
 * A Chinese question without its question mark: a particle (嗎、呢) closing a clause, or a question
 * word in a stretch the reply does not close with a full stop or a semicolon (「您想先放哪幾項」). The same word in a
 * statement (「報表會告訴您有多少人看。」) asks nothing.
 */
function isChineseQuestion(text: string): boolean {
	if (/[嗎呢](?=[\s,，、。.!！~～…]|$)/.test(text)) return true;
	const stretches = text.split(/(?<=[。！!；;\n])/);
	return stretches.some(
		(stretch) => !/[。！!；;]\s*$/.test(stretch) && CHINESE_QUESTION_WORD.test(stretch)
	);
}

// A count with its unit is a figure too (十四天免費試刊、先放十項產品), but not 一 alone (一個、一下、一天
// are turns of speech), nor 這兩天 or 前兩年 (lately).
const CHINESE_FIGURE =
	/[一二三四五六七八九十兩半幾][十百千萬]|[十百千萬][塊元]|[一二三四五六七八九兩]成|%|(?<![這那前])(?:[二三四五六七八九十兩]|十[一二三四五六七八九])(?:天|項|張|家|位|週|個月|年|樣|人次)/;
const ENGLISH_FIGURE =
	/\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|percent|half)\b/;

/**
 * The intents of the lexicons of one language (see lexicon.ts), by id: what a cue `@id` stands for.
 */
export type IntentPhrases = ReadonlyMap<string, readonly string[]>;

/** A company rule of a lexicon: a pitfall on every beat of its language (see the lexicon schema). */
export interface CompanyRule {
	id: string;
	point: string;
	penalty: number;
	cues: readonly string[];
	unless: readonly string[];
	rude: boolean;
	/** About this company's own offer (its prices, discounts, extras): see `forAnyProduct`. */
	ourOffer?: boolean;
	/**
	 * Where the rule is off (see `ruleApplies`): on a beat whose key points cite one of these intents
	 * (asking for the order where the beat expects it), or whose customer line says one of these
	 * phrases (he asked for the contract himself).
	 */
	offWhereExpected?: readonly string[];
	offWhenCustomerSays?: readonly string[];
	/** Where alone the rule is on: a beat whose customer line says one of these (he worries about the cost). */
	onlyWhenCustomerSays?: readonly string[];
	/** Broken only by a reply that shows none of these signals: a farewell that neither asks nor proposes a step. */
	onlyWithout?: readonly Signal[];
}

/** What one language's lexicons give the scoring: the intents cues cite, and the company rules. */
export interface Phrasebook {
	intents: IntentPhrases;
	rules: readonly CompanyRule[];
}
/** The lexicon intent that lists the words of what the calls are about: a reply with none of them, making no key point, is off-topic. */
export const ON_TOPIC = 'on-topic';
const ON_TOPIC_CUES = [`${INTENT_PREFIX}${ON_TOPIC}`];
/** Courtesies that carry nothing (see SCORING.politeEmptyCap). */
export const EMPTY_COURTESY = 'empty-courtesy';
const EMPTY_COURTESY_CUES = [`${INTENT_PREFIX}${EMPTY_COURTESY}`];
/** The lexicon intent that lists the product's selling points: many in one reply is stuffing. */
export const SELLING_POINTS = 'selling-points';
const SELLING_POINT_CUES = [`${INTENT_PREFIX}${SELLING_POINTS}`];
// What parts a list into items: commas (not a thousands separator), full stops (not a decimal
// point), the enumeration comma, and the words that join items (and, plus, 跟、和、還有、以及、加上).
const LIST_ITEM_ENDS =
	/[，、;；。!?！？\n]|,(?!\d{3})|\.(?!\d)|\b(?:and|plus|also)\b|跟|和|還有|以及|加上|再加/g;

/**
 * How many items of a reply (stretches between list separators) name a selling point of their own:
 * the same point said again, or a part of one said already (報表 after 售後報表), adds none.
 */
function sellingItems(folded: string, ends: readonly number[], spans: readonly Span[]): number {
	if (spans.length === 0) return 0;
	const items = new Set<number>();
	const said: string[] = [];
	for (const [start, end] of spans) {
		const point = folded.slice(start, end);
		if (said.some((earlier) => earlier.includes(point) || point.includes(earlier))) continue;
		said.push(point);
		items.add(itemAt(ends, start));
	}
	return items.size;
}

// The company rule on chatting about unrelated things: a reply that does nothing else is off-topic,
// which weighs more.
const SMALL_TALK = 'small-talk';

// The lexicon's stock courtesies: many of them piled up with selling points are stuffing too.
const COURTESY_CUES = [
	'@acknowledge',
	'@empathize',
	'@congratulate',
	'@compliment-business',
	'@no-pressure',
	'@thank-you'
];

/** Which item a position falls in: how many of the sorted item ends come before it. */
function itemAt(ends: readonly number[], at: number): number {
	let count = 0;
	while (count < ends.length && ends[count]! <= at) count++;
	return count;
}
/**
 * The lexicon intents that tell a wrong fact (see figures.ts): the prices the company quotes
 * (`price-list`: every figure of its phrases), the words that make a sentence about the price
 * (`price-words`), the words that make a clause's figure the customer's own (`their-figures`: an
 * order of 30,000), and claims that are never true (`wrong-facts`: a trial deposit), read as any cue.
 * Without a `price-list` and `price-words`, no price is checked; without `wrong-facts`, no claim.
 */
export const FACT_INTENTS = {
	prices: 'price-list',
	rivalPrices: 'competitor-prices',
	rivals: 'competitors',
	priceWords: 'price-words',
	theirs: 'their-figures',
	claims: 'wrong-facts',
	counts: 'counted-facts',
	company: 'company-facts',
	places: 'places',
	tiers: 'tiers',
	tierPrices: 'tier-prices',
	lacks: 'lacks-features',
	oneTier: 'one-tier-features',
	contrast: 'tier-contrast'
} as const;
const anyProductBooks = new WeakMap<Phrasebook, Phrasebook>();

/**
 * The phrasebook for a role-play about a product that is not this company's (a candidate selling
 * what they sold before): without the rules about this company's own offer (`ourOffer`: its
 * discounts and extras) and without the facts of it (its price list, the claims never true of it),
 * which would count the candidate's own prices and offers against them. The rules any sale keeps
 * (promising results, pressure, insults, haggling) stay.
 */
export function forAnyProduct(phrasebook: Phrasebook): Phrasebook {
	let book = anyProductBooks.get(phrasebook);
	if (!book) {
		const intents = new Map(phrasebook.intents);
		for (const id of [
			FACT_INTENTS.prices,
			FACT_INTENTS.rivalPrices,
			FACT_INTENTS.claims,
			FACT_INTENTS.counts,
			FACT_INTENTS.company,
			FACT_INTENTS.tierPrices,
			FACT_INTENTS.lacks,
			FACT_INTENTS.oneTier
		])
			intents.delete(id);
		book = { intents, rules: phrasebook.rules.filter((rule) => !rule.ourOffer) };
		anyProductBooks.set(phrasebook, book);
	}
	return book;
}

const PRICE_WORD_CUES = [`${INTENT_PREFIX}${FACT_INTENTS.priceWords}`];
const THEIR_CUES = [`${INTENT_PREFIX}${FACT_INTENTS.theirs}`];
const CLAIM_CUES = [`${INTENT_PREFIX}${FACT_INTENTS.claims}`];
const RIVAL_CUES = [`${INTENT_PREFIX}${FACT_INTENTS.rivals}`];
// A phrasebook's price list (ours, or the competitors'), read once (it lives until the content changes).
const priceLists = new WeakMap<readonly string[], number[]>();
function priceListOf(
	intents: IntentPhrases,
	id: (typeof FACT_INTENTS)['prices' | 'rivalPrices'] = FACT_INTENTS.prices
): number[] {
	const phrases = intents.get(id);
	if (!phrases) return [];
	let list = priceLists.get(phrases);
	if (!list) {
		list = figuresOfPhrases(phrases, foldForMatch);
		priceLists.set(phrases, list);
	}
	return list;
}
// A phrasebook's counted facts, read once (they live until the content changes).
const countedFactLists = new WeakMap<readonly string[], CountedFact[]>();
function countedFactsOf(intents: IntentPhrases): CountedFact[] {
	const phrases = intents.get(FACT_INTENTS.counts);
	if (!phrases) return [];
	let facts = countedFactLists.get(phrases);
	if (!facts) {
		facts = phrases.flatMap((phrase) => countedFactOf(phrase, foldForMatch) ?? []);
		countedFactLists.set(phrases, facts);
	}
	return facts;
}
// A phrasebook's prices per tier (`tier-prices`: `gold = NT$26,800 / NT$24,120 …`), read once.
const tierPriceLists = new WeakMap<
	readonly string[],
	{ cues: readonly string[]; prices: number[] }[]
>();
function tierPricesOf(intents: IntentPhrases): { cues: readonly string[]; prices: number[] }[] {
	const phrases = intents.get(FACT_INTENTS.tierPrices);
	if (!phrases) return [];
	let tiers = tierPriceLists.get(phrases);
	if (!tiers) {
		tiers = phrases.flatMap((phrase) => {
			const [name, prices] = phrase.split('=');
			if (!name?.trim() || prices === undefined) return [];
			return [{ cues: [name.trim()], prices: figuresOfPhrases([prices], foldForMatch) }];
		});
		tierPriceLists.set(phrases, tiers);
	}
	return tiers;
}

// A phrasebook's facts about the company and the places they are checked against, read once per
// phrasebook (two intents, which may come from different lexicons).
const NO_COMPANY_FACTS = { facts: [], places: [] };
const companyFactLists = new WeakMap<IntentPhrases, { facts: CompanyFact[]; places: string[] }>();
function companyFactsOf(intents: IntentPhrases): { facts: CompanyFact[]; places: string[] } {
	const phrases = intents.get(FACT_INTENTS.company);
	if (!phrases) return NO_COMPANY_FACTS;
	let read = companyFactLists.get(intents);
	if (!read) {
		read = {
			facts: phrases.flatMap((phrase) => companyFactOf(phrase, foldForMatch) ?? []),
			places: (intents.get(FACT_INTENTS.places) ?? []).map((place) => foldForMatch(place).trim())
		};
		companyFactLists.set(intents, read);
	}
	return read;
}
/**
 * The lexicon's tiers and their features, read once per phrasebook: what a tier lacks
 * (`lacks-features`, written `basic … keyword ad`) and what one tier alone has (`one-tier-features`,
 * written `diamond = account manager / homepage banner`). Each tier and each feature is a cue list
 * of its own, so that a reply can say which tier it names and which feature it claims.
 */
interface TierFeature {
	cues: readonly string[];
	lackedBy: ReadonlySet<string>;
	onlyIn: string | null;
}
interface TierFacts {
	tiers: { name: string; cues: readonly string[] }[];
	features: TierFeature[];
	/** The features one tier alone has: all a reply naming no tier can be wrong about. */
	oneTierFeatures: TierFeature[];
}
const tierFactsOfIntents = new WeakMap<IntentPhrases, TierFacts | null>();
const CONTRAST_CUES = [`${INTENT_PREFIX}${FACT_INTENTS.contrast}`];

function tierFactsOf(intents: IntentPhrases): TierFacts | null {
	let facts = tierFactsOfIntents.get(intents);
	if (facts !== undefined) return facts;
	const tiers = new Map<string, string>();
	for (const tier of intents.get(FACT_INTENTS.tiers) ?? [])
		tiers.set(normalizeForMatch(tier).trim(), tier.trim());
	const features = new Map<
		string,
		{ cues: string[]; lackedBy: Set<string>; onlyIn: string | null }
	>();
	const feature = (tier: string, said: string) => {
		const name = normalizeForMatch(tier).trim();
		if (!tiers.has(name)) tiers.set(name, tier);
		const key = normalizeForMatch(said).trim();
		const entry = features.get(key) ?? { cues: [said], lackedBy: new Set<string>(), onlyIn: null };
		features.set(key, entry);
		return { name, entry };
	};
	for (const phrase of intents.get(FACT_INTENTS.lacks) ?? []) {
		const [tier, said] = phrase.split(GAP).map((part) => part.trim());
		if (!tier || !said) continue;
		const { name, entry } = feature(tier, said);
		entry.lackedBy.add(name);
	}
	for (const phrase of intents.get(FACT_INTENTS.oneTier) ?? []) {
		const [tier, said] = phrase.split('=').map((part) => part.trim());
		if (!tier || !said) continue;
		for (const one of said.split('/').map((part) => part.trim())) {
			if (!one) continue;
			const { name, entry } = feature(tier, one);
			entry.onlyIn = name;
		}
	}
	const all = [...features.values()];
	facts =
		all.length === 0
			? null
			: {
					tiers: [...tiers].map(([name, tier]) => ({ name, cues: [tier] })),
					features: all,
					oneTierFeatures: all.filter(({ onlyIn }) => onlyIn !== null)
				};
	tierFactsOfIntents.set(intents, facts);
	return facts;
}

const SENTENCE_BREAKS = /[!?。！？;；\n]|\.(?!\d)/g;

/** The sentence of a folded reply around a span: from after the break before it to the break after it. */
function sentenceAround(folded: string, [start, end]: Span): Span {
	let from = 0;
	let to = folded.length;
	for (const m of folded.matchAll(SENTENCE_BREAKS)) {
		if (m.index < start) from = m.index + 1;
		else if (m.index >= end) {
			to = m.index;
			break;
		}
	}
	return [from, to];
}

/**
 * Features claimed for a tier that lacks them ("stay on Basic, you still get two keyword-ad
 * slots"): a feature said (not denied: "Basic has no keyword ads" is right, and so is a negation
 * anywhere between the two) of the tier its sentence names, nearest before it, else first after
 * it; a sentence that names no tier speaks of the tier named last before it. A tier named as the
 * other side of a comparison ("upgrading from Basic", 「比基礎多了關鍵字廣告」) is not the one the
 * feature is said of. A feature one tier alone has (`one-tier-features`) is wrong said of any other
 * tier, and said where no tier is named ("this year you'll have a dedicated account manager"): the
 * customer hears it promised of the plan he is on or is offered.
 */
function featuresLacked(
	text: ReplyText,
	matcher: Matcher,
	anywhere: Matcher,
	facts: TierFacts
): Span[] {
	const named = facts.tiers.flatMap(({ name, cues }) =>
		findAny(anywhere, cues).map((span) => ({ name, span }))
	);
	const contrast = text.intents.has(FACT_INTENTS.contrast) ? findAny(anywhere, CONTRAST_CUES) : [];
	const subjects = named
		.filter(
			({ span }) =>
				!contrast.some(
					([, end]) => end <= span[0] && text.normalized.slice(end, span[0]).trim().length <= 4
				)
		)
		.sort((a, b) => a.span[0] - b.span[0]);
	const wrong: Span[] = [];
	// Naming no tier, a reply can be wrong only about a feature one tier alone has: the others are
	// not looked for (most replies name no tier, and the features are many cues).
	for (const { cues, lackedBy, onlyIn } of subjects.length === 0
		? facts.oneTierFeatures
		: facts.features) {
		for (const span of findAny(matcher, cues)) {
			// The tier its own sentence names decides (nearest before, else first after); a sentence
			// that names none speaks of the tier named last before it ("Stay on Basic. You still get …").
			const [from, to] = sentenceAround(text.folded, span);
			const before = subjects.filter((tier) => tier.span[1] <= span[0]);
			const subject =
				before.filter((tier) => tier.span[0] >= from).pop() ??
				subjects.find((tier) => tier.span[0] >= span[1] && tier.span[1] <= to) ??
				before.pop();
			// A feature one tier alone has, said of no tier, is promised as if every plan had it.
			if (!subject) {
				if (onlyIn !== null) wrong.push(span);
				continue;
			}
			if (!lackedBy.has(subject.name) && (onlyIn === null || subject.name === onlyIn)) continue;
			const between =
				subject.span[1] <= span[0]
					? text.folded.slice(subject.span[1], span[0])
					: text.folded.slice(span[1], subject.span[0]);
			if (!holdsNegation(between)) wrong.push(span);
		}
	}
	return wrong;
}

// Could the reply hold a price at all: a digit, a Chinese ten, hundred, thousand or ten thousand (a
// daily price: 一天七十三塊), or a number in English words (fifty a day).
const MAY_HOLD_PRICE = new RegExp(`\\d|[十百千萬万]|${MAY_SPELL_NUMBER.source}`);

export const NO_PHRASEBOOK: Phrasebook = { intents: new Map(), rules: [] };

/** How far around a rule's cue its `unless` phrases are looked for, in characters: the sentence around it, roughly. */
export const UNLESS_REACH = 50;

/** A stretch of a cue between gaps: Chinese text, English words, or any phrase of an intent (`@id`). */
type CuePart =
	| { kind: 'chinese'; compact: string; pair: number }
	| { kind: 'words'; stems: string[]; pair: string | null; number: boolean }
	| { kind: 'intent'; intent: string };
/** A cue folded and split at its gaps (`A … B`: A, then B later in the same clause). */
type PreparedCue = { folded: string; parts: CuePart[] };

/** How far a cue's parts may be apart: Chinese characters, English words. */
export const GAP_REACH = { chinese: 12, words: 6 } as const;
const NUMBER = '#';
const DIGITS = /^\d+$/;
const sameWord = (cueStem: string, stem: string) =>
	cueStem === stem || (cueStem === NUMBER && DIGITS.test(stem));
// What ends a clause for a gap: the parts of `A … B` must be said in one breath.
const CLAUSE_BREAK = /[,.!?;:，。！？；：\n]/;

/**
 * Where a reply has a pair of neighbouring characters, as a bit set of their hash: a Chinese cue
 * whose first two characters are not there is not looked for (most of the hundreds of phrases a
 * reply is read for). A hash, so a pair may seem there when it is not; never the other way round.
 */
const PAIR_BITS = 1 << 13;
function pairHash(first: number, second: number): number {
	return (Math.imul(first, 0x9e3779b1) ^ second) & (PAIR_BITS - 1);
}
function pairsOf(text: string): { bits: Int32Array; hashes: number[] } {
	const bits = new Int32Array(PAIR_BITS >> 5);
	const hashes: number[] = [];
	for (let i = 0; i + 1 < text.length; i++) {
		const hash = pairHash(text.charCodeAt(i), text.charCodeAt(i + 1));
		const bit = 1 << (hash & 31);
		if ((bits[hash >> 5]! & bit) === 0) {
			bits[hash >> 5]! |= bit;
			hashes.push(hash);
		}
	}
	return { bits, hashes };
}
function pushAll(into: number[], positions: readonly number[]): void {
	for (let i = 0; i < positions.length; i++) into.push(positions[i]!);
}

// Cues come from authored content and recur on every reply: each is folded and stemmed once and
// kept. Bounded, so that content churn cannot grow it without end.
const preparedCues = new Map<string, PreparedCue | null>();
const MAX_PREPARED_CUES = 50_000;

function preparePart(text: string): CuePart | null {
	if (text.trim().startsWith(INTENT_PREFIX))
		return { kind: 'intent', intent: text.trim().slice(INTENT_PREFIX.length) };
	const folded = normalizeForMatch(text).trim();
	// `#` alone (a part of "# … isn't much") is all punctuation to the fold, and still a part.
	if (!folded && text.trim() !== NUMBER) return null;
	if (containsChinese(folded)) {
		const compact = folded.replace(/\s+/g, '');
		return {
			kind: 'chinese',
			compact,
			pair: compact.length >= 2 ? pairHash(compact.charCodeAt(0), compact.charCodeAt(1)) : -1
		};
	}
	// `#` stands for any number written in digits ("# percent off", "# off" for "10% off").
	const stems = foldText(text)
		.split(/\s+/)
		.flatMap((token) => (token === NUMBER ? [NUMBER] : latinWords(token).map((word) => word.stem)));
	const pair =
		stems.length >= 2 && stems[0] !== NUMBER && stems[1] !== NUMBER
			? `${stems[0]} ${stems[1]}`
			: null;
	return stems.length > 0 ? { kind: 'words', stems, pair, number: stems[0] === NUMBER } : null;
}

// An intent's phrases, prepared, kept with the list they came from (a phrasebook lives until the content changes).
const preparedLists = new WeakMap<readonly string[], readonly (PreparedCue | null)[]>();
// A list of cues as authored, each prepared or, alone, the intent it stands for (its phrases, gaps
// and all; between gaps an intent is one part, see partSpans). Kept with the list, as above.
const preparedCueLists = new WeakMap<
	readonly string[],
	readonly (PreparedCue | { intent: string } | null)[]
>();

function preparedList(
	cues: readonly string[]
): readonly (PreparedCue | { intent: string } | null)[] {
	let prepared = preparedCueLists.get(cues);
	if (!prepared) {
		prepared = cues.map((cue) => {
			const intent = wholeIntent(cue);
			return intent === null ? prepareCue(cue) : { intent };
		});
		preparedCueLists.set(cues, prepared);
	}
	return prepared;
}

function preparedPhrases(phrases: readonly string[]): readonly (PreparedCue | null)[] {
	let prepared = preparedLists.get(phrases);
	if (!prepared) {
		prepared = phrases.map(prepareCue);
		preparedLists.set(phrases, prepared);
	}
	return prepared;
}

// A list of cues with the intents it cites spelled out, in the order they are read: once per list
// and phrasebook (both live as long as the compiled scenario), not on every reply. Indexed by how
// each cue starts (its first two Chinese characters, its first word or two), so that a reply is
// read only for the cues whose start it has, not for each of the hundreds of phrases of a list.
interface CueList {
	cues: readonly PreparedCue[];
	/** Positions in `cues`, by the pair hash of a Chinese first part; its keys again, to walk without an iterator. */
	byPair: ReadonlyMap<number, readonly number[]>;
	pairKeys: readonly number[];
	/** Positions in `cues`, by the first two stems of a first part in words ("a b"), or its one stem. */
	byWords: ReadonlyMap<string, readonly number[]>;
	wordKeys: readonly string[];
	/** Positions of the cues that are looked for in every reply: a first part of one Chinese character, a number or an intent. */
	always: readonly number[];
}
// By list, then by phrasebook (a list such as a signal's is read with each language's, and with a
// phrasebook for any product): one look-up per list read, and a short walk.
const MAX_BOOKS_PER_LIST = 8;
const flatLists = new WeakMap<readonly string[], { intents: IntentPhrases; list: CueList }[]>();

function flatList(cues: readonly string[], intents: IntentPhrases): CueList {
	let byBook = flatLists.get(cues);
	if (!byBook) {
		byBook = [];
		flatLists.set(cues, byBook);
	}
	for (let i = 0; i < byBook.length; i++)
		if (byBook[i]!.intents === intents) return byBook[i]!.list;
	const list: PreparedCue[] = [];
	for (const entry of preparedList(cues)) {
		if (entry === null) continue;
		if ('intent' in entry) {
			for (const prepared of preparedPhrases(intents.get(entry.intent) ?? []))
				if (prepared) list.push(prepared);
		} else list.push(entry);
	}
	const flat = indexedCues(list);
	// Phrasebooks come and go with the content: only the latest few are kept per list.
	if (byBook.length >= MAX_BOOKS_PER_LIST) byBook.shift();
	byBook.push({ intents, list: flat });
	return flat;
}

/** A list of prepared cues indexed by how each starts (CueList). */
function indexedCues(list: readonly PreparedCue[]): CueList {
	const byPair = new Map<number, number[]>();
	const byWords = new Map<string, number[]>();
	const always: number[] = [];
	for (const [i, { parts }] of list.entries()) {
		const first = parts[0]!;
		if (first.kind === 'chinese' && first.pair >= 0) addPosition(byPair, first.pair, i);
		else if (first.kind === 'words' && !first.number)
			addPosition(byWords, first.pair ?? first.stems[0]!, i);
		else always.push(i);
	}
	return {
		cues: list,
		byPair,
		pairKeys: [...byPair.keys()],
		byWords,
		wordKeys: [...byWords.keys()],
		always
	};
}

function addPosition<K>(map: Map<K, number[]>, key: K, position: number): void {
	const positions = map.get(key);
	if (positions) positions.push(position);
	else map.set(key, [position]);
}

function prepareCue(cue: string): PreparedCue | null {
	let prepared = preparedCues.get(cue);
	if (prepared !== undefined) return prepared;
	const parts = cue.split(GAP).map(preparePart);
	prepared =
		parts.length > 0 && parts.every((part) => part !== null)
			? { folded: foldForMatch(cue).trim(), parts: parts as CuePart[] }
			: null;
	if (preparedCues.size >= MAX_PREPARED_CUES) preparedCues.clear();
	preparedCues.set(cue, prepared);
	return prepared;
}

const NO_SPANS: readonly Span[] = [];

/**
 * One reply read for cues: folded (`folded`), with its punctuation as spaces (`normalized`, the same
 * length), its words and character pairs indexed once, on first need, for every matcher of the reply.
 */
class ReplyText {
	private cachedWords: Word[] | undefined;
	// Where each stem occurs, and each pair of stems (`a b`), so a cue is looked up rather than
	// compared at every word.
	private at: Map<string, number[]> | undefined;
	private pairAt: Map<string, number[]> | undefined;
	private numbers: number[] | undefined;
	private pairs: Int32Array | undefined;
	// The distinct pair hashes of `pairs`, to walk when a list has more starts than the reply has pairs.
	private pairHashes: number[] | undefined;
	private negation: ((span: Span, cue: string) => boolean) | undefined;
	// The reply's stems and stem pairs (the keys of `at` and `pairAt`), and the array candidates() fills.
	private wordKeys: string[] | undefined;
	private scratch: number[] | undefined;

	constructor(
		readonly folded: string,
		readonly normalized: string,
		readonly intents: IntentPhrases
	) {}

	/** The reply's words (latinWords of `folded`). */
	words(): Word[] {
		return (this.cachedWords ??= latinWords(this.folded));
	}

	private index(): void {
		if (!this.at || !this.pairAt) {
			const words = this.words();
			const at = new Map<string, number[]>();
			const pairAt = new Map<string, number[]>();
			const add = (map: Map<string, number[]>, key: string, i: number) => {
				const list = map.get(key);
				if (list) list.push(i);
				else map.set(key, [i]);
			};
			for (let i = 0; i < words.length; i++) {
				add(at, words[i]!.stem, i);
				if (i + 1 < words.length) add(pairAt, `${words[i]!.stem} ${words[i + 1]!.stem}`, i);
			}
			this.at = at;
			this.pairAt = pairAt;
			this.wordKeys = [...at.keys(), ...pairAt.keys()];
		}
	}

	/** Where the reply says the first words of a cue in words (its first two, when neither is a number), or undefined. */
	private starts(part: CuePart & { kind: 'words' }): readonly number[] | undefined {
		const { stems, pair } = part;
		if (part.number)
			return (this.numbers ??= this.words().flatMap((word, i) =>
				DIGITS.test(word.stem) ? [i] : []
			));
		// Read for each of the hundreds of phrases a reply is read for: no object made on the way.
		this.index();
		return pair === null ? this.at!.get(stems[0]!) : this.pairAt!.get(pair);
	}

	private pairBits(): Int32Array {
		if (!this.pairs) {
			const { bits, hashes } = pairsOf(this.normalized);
			this.pairs = bits;
			this.pairHashes = hashes;
		}
		return this.pairs;
	}

	/** False when the reply cannot hold the part (a quick look, for the hundreds of phrases a reply is read for); true when it may. */
	mayHold(part: CuePart): boolean {
		if (part.kind === 'chinese') {
			if (part.pair < 0) return true;
			const pairs = this.pairBits();
			return (pairs[part.pair >> 5]! & (1 << (part.pair & 31))) !== 0;
		}
		return part.kind === 'intent' || this.starts(part) !== undefined;
	}

	/**
	 * The positions in a cue list of the cues whose first part the reply may hold, in no order (the
	 * caller orders what it finds): by the list's index of starts, walking whichever is smaller, its
	 * starts or the reply's. The array is the reply's own and is refilled on the next call.
	 */
	candidates(list: CueList): readonly number[] {
		const found = (this.scratch ??= []);
		found.length = 0;
		for (let i = 0; i < list.always.length; i++) found.push(list.always[i]!);
		const { byPair, pairKeys, byWords, wordKeys } = list;
		if (pairKeys.length > 0) {
			const bits = this.pairBits();
			const hashes = this.pairHashes!;
			if (pairKeys.length <= hashes.length) {
				for (let k = 0; k < pairKeys.length; k++) {
					const hash = pairKeys[k]!;
					if ((bits[hash >> 5]! & (1 << (hash & 31))) !== 0) pushAll(found, byPair.get(hash)!);
				}
			} else
				for (let k = 0; k < hashes.length; k++) {
					const positions = byPair.get(hashes[k]!);
					if (positions) pushAll(found, positions);
				}
		}
		if (wordKeys.length > 0) {
			this.index();
			const at = this.at!;
			const pairAt = this.pairAt!;
			if (wordKeys.length <= this.wordKeys!.length) {
				for (let k = 0; k < wordKeys.length; k++) {
					const key = wordKeys[k]!;
					if (at.has(key) || pairAt.has(key)) pushAll(found, byWords.get(key)!);
				}
			} else
				for (let k = 0; k < this.wordKeys!.length; k++) {
					const positions = byWords.get(this.wordKeys![k]!);
					if (positions) pushAll(found, positions);
				}
		}
		return found;
	}

	/** Whether the reply says the cue at `span` (not denied, not quoting the customer: negation.ts); read on first need. */
	says(span: Span, cue: string): boolean {
		return (this.negation ??= negationReader(this.folded))(span, cue);
	}

	/** Where a stretch of a cue occurs: Chinese by substring, other text by stemmed word sequence. */
	partSpans(part: CuePart, from = 0, to = this.normalized.length): readonly Span[] {
		if (part.kind === 'intent') {
			const spans: Span[] = [];
			// Between gaps an intent stands for its phrases without gaps of their own.
			for (const prepared of preparedPhrases(this.intents.get(part.intent) ?? [])) {
				if (prepared?.parts.length === 1)
					spans.push(...this.partSpans(prepared.parts[0]!, from, to));
			}
			return spans.sort((a, b) => a[0] - b[0]);
		}
		if (!this.mayHold(part)) return NO_SPANS;
		if (part.kind === 'chinese') {
			const { normalized } = this;
			const { compact } = part;
			let i = normalized.indexOf(compact, from);
			if (i < 0 || i + compact.length > to) return NO_SPANS;
			const spans: Span[] = [];
			// 不貴 in 貴不貴, 沒有 in 有沒有: the second half of an A-not-A question says nothing in the negative.
			const notA = compact.length > 1 && (compact[0] === '不' || compact[0] === '沒');
			// 了解 alone says "I see" (「了解，那…」); 先了解、想了解、了解一下 say "find out about" something.
			const seeing = compact === '了解' || compact === '瞭解';
			for (; i >= 0 && i + compact.length <= to; i = normalized.indexOf(compact, i + 1)) {
				if (notA && normalized[i - 1] === compact[1]) continue;
				if (seeing && findingOut(normalized, i)) continue;
				if (endsWordBefore(normalized, i, compact)) continue;
				spans.push([i, i + compact.length]);
			}
			return spans;
		}
		const words = this.words();
		const { stems } = part;
		let spans: Span[] | undefined;
		for (const i of this.starts(part)!) {
			if (i + stems.length > words.length) break;
			if (words[i]!.start < from) continue;
			let whole = true;
			for (let j = 1; j < stems.length && whole; j++)
				whole =
					sameWord(stems[j]!, words[i + j]!.stem) &&
					!sentenceEndsBetween(this.folded, words[i + j - 1]!, words[i + j]!);
			if (!whole) continue;
			const end = words[i + stems.length - 1]!.end;
			if (end <= to) (spans ??= []).push([words[i]!.start, end]);
		}
		return spans ?? NO_SPANS;
	}
}

// Words that end in a full stop without ending a sentence ("Co., Ltd", "Mr. Wang").
const ABBREVIATIONS = /^(?:co|mr|mrs|ms|dr|st|no|inc|ltd|jr|vs|etc|approx)$/;

/**
 * Whether a sentence ends between two words of a reply: a cue's words said in two sentences are not
 * the cue ("I'll take you off my list for good. Deal?" offers no "good deal").
 */
function sentenceEndsBetween(folded: string, before: Word, after: Word): boolean {
	const gap = folded.slice(before.end, after.start);
	if (/[!?;]/.test(gap)) return true;
	// A point followed by a space: not the point of a figure (1.2 million).
	return /\.\s/.test(gap) && !ABBREVIATIONS.test(folded.slice(before.start, before.end));
}

// A cue's first character may end the word before it: 算您 (I'll charge you) is not in 划算您算算
// (worth it, work it out) nor in 就算您 (even if you).
const WORD_ENDINGS: Readonly<Record<string, string>> = { 算: '划劃打計換預總就還結核清盤' };
function endsWordBefore(normalized: string, at: number, compact: string): boolean {
	const before = WORD_ENDINGS[compact[0]!];
	return before !== undefined && compact.length > 1 && before.includes(normalized[at - 1] ?? '\n');
}

/** 了解 at `at` as "find out about" (先了解一下我們的方案), not "I see". */
const findingOut = (normalized: string, at: number) =>
	/[先想多去再來]/.test(normalized[at - 1] ?? '') ||
	/^(?:一下|我們|更多|看看)/.test(normalized.slice(at + 2, at + 4));

const inBrackets = (span: Span, brackets: readonly Span[]) =>
	brackets.some(([start, end]) => span[0] >= start && span[1] <= end);
const overlap = (spans: readonly Span[], others: readonly Span[]) =>
	spans.some(([start, end]) => others.some(([s, e]) => start < e && s < end));

/**
 * Finds cues in one reply (`text`). A hit counts only where the reply says it (see negation.ts) and
 * not inside brackets; a matcher that reads `anywhere` takes every hit, denied or in brackets. A
 * class, not closures: several are made for every reply.
 */
class Matcher {
	constructor(
		private readonly text: ReplyText,
		private readonly brackets: readonly Span[],
		private readonly anywhere = false
	) {}

	/**
	 * Where the rest of a gapped cue (its parts from `k` on) follows `after` within reach in the same
	 * clause: the end of its last part, or -1. The spans of the parts found are pushed onto `said`.
	 */
	private restFrom(parts: readonly CuePart[], k: number, after: number, said: Span[]): number {
		if (k >= parts.length) return after;
		const { folded, normalized } = this.text;
		const part = parts[k]!;
		let to = Math.min(normalized.length, after + 100);
		const breakAt = folded.slice(after, to).search(CLAUSE_BREAK);
		if (breakAt >= 0) to = after + breakAt;
		for (const [start, end] of this.text.partSpans(part, after, to)) {
			const chinese =
				part.kind === 'intent'
					? containsChinese(normalized.slice(start, end))
					: part.kind === 'chinese';
			const gap = chinese
				? normalized.slice(after, start).replace(/\s+/g, '').length
				: latinWords(folded.slice(after, start)).length;
			if (gap > (chinese ? GAP_REACH.chinese : GAP_REACH.words)) break;
			said.push([start, end]);
			const found = this.restFrom(parts, k + 1, end, said);
			if (found >= 0) return found;
			said.pop();
		}
		return -1;
	}

	/** The reply, folded for matching (the offsets of its spans). */
	get folded(): string {
		return this.text.folded;
	}

	/** Where the reply says any of the cues, sorted: a stretch inside one already found is not listed again. */
	findAll(cues: readonly string[]): Span[] {
		const { text } = this;
		// Where each cue occurs, before negation is read: the whole stretch, its first part's (where
		// a negation would reach), and the words of each of its parts (`said`, without the gaps).
		const found: { whole: Span; first: Span; said: Span[]; cue: string; position: number }[] = [];
		const list = flatList(cues, text.intents);
		const candidates = text.candidates(list);
		for (let c = 0; c < candidates.length; c++) {
			const position = candidates[c]!;
			const prepared = list.cues[position]!;
			const { parts } = prepared;
			for (const span of text.partSpans(parts[0]!)) {
				const said: Span[] = [span];
				const end = parts.length === 1 ? span[1] : this.restFrom(parts, 1, span[1], said);
				if (end >= 0)
					found.push({ whole: [span[0], end], first: span, said, cue: prepared.folded, position });
			}
		}
		if (found.length === 0) return [];
		// Longest first at each start, so that the many phrasings inside a stretch already found
		// (an intent's phrases overlap) cost no second reading of the negation around them; at the
		// same stretch, in the list's order (a cue finds one stretch per start).
		found.sort(
			(a, b) => a.whole[0] - b.whole[0] || b.whole[1] - a.whole[1] || a.position - b.position
		);
		const spans: Span[] = [];
		let reached = -1;
		// The words of cues found said in the negative: another cue that shares words with one is
		// denied with it (「我不會跟您保證一定有幾張詢價」: 一定 … 詢價 is as denied as 保證 … 詢價).
		// Only its words: what stands in a denied cue's gap is out of the negation's reach
		// (「不用擔心我們這邊先幫您開試刊看效果」 denies the worry, not the trial).
		const denied: Span[] = [];
		for (const { whole, first, said, cue } of found) {
			if (whole[1] <= reached) continue;
			if (this.brackets.length > 0 && inBrackets(whole, this.brackets)) continue;
			if (denied.length > 0 && overlap(said, denied)) continue;
			// The negation that matters comes before the cue's first words, or right before a later
			// part of it (「詢價數字我不跟您保證」 denies 詢價 … 保證).
			if (
				!this.anywhere &&
				(!text.says(first, cue) || said.some((part) => part !== first && !text.says(part, cue)))
			) {
				denied.push(...said);
				continue;
			}
			spans.push(whole);
			reached = Math.max(reached, whole[1]);
		}
		return spans;
	}

	/**
	 * Which intents the reply expresses, of a phrasebook's intents (`tagged`, see taggedIntents):
	 * `@id` for each said as written, `~@id` for each said only in the negative ("I won't promise
	 * you a number", a refusal model answers make too). Every phrase is read, overlapping or not.
	 */
	intentsSaid(tagged: TaggedIntents, into: Set<string>): void {
		const { text } = this;
		const { list, intentOf } = tagged;
		const candidates = text.candidates(list);
		const denied: string[] = [];
		for (let c = 0; c < candidates.length; c++) {
			const position = candidates[c]!;
			const id = intentOf[position]!;
			if (into.has(id)) continue;
			const prepared = list.cues[position]!;
			const { parts } = prepared;
			for (const span of text.partSpans(parts[0]!)) {
				if (parts.length > 1 && this.restFrom(parts, 1, span[1], [span]) < 0) continue;
				if (this.brackets.length > 0 && inBrackets(span, this.brackets)) continue;
				if (text.says(span, prepared.folded)) {
					into.add(id);
					break;
				}
				denied.push(id);
			}
		}
		for (const id of denied) if (!into.has(id)) into.add(`~${id}`);
	}
}

/** A phrasebook's intents that say what a reply does (not its facts and word lists), as one list. */
interface TaggedIntents {
	list: CueList;
	/** The term of each cue of `list`, by position: `@` and the intent's id. */
	intentOf: readonly string[];
}

// Intents that are word lists or facts, not something a reply does: they say nothing of its meaning.
const UNTAGGED_INTENTS: ReadonlySet<string> = new Set([
	...Object.values(FACT_INTENTS),
	ON_TOPIC,
	SELLING_POINTS,
	'own-name',
	'promise-words',
	'certainty-words',
	'gain-words',
	'business-results',
	'future-gain',
	'results-arrive',
	'result-timeframe',
	'better-price',
	'ask-manager'
]);
const taggedByBook = new WeakMap<IntentPhrases, TaggedIntents>();
// A reply is read only for the intents some model answer of its beat expresses: one it shares with
// none of them can bring it no nearer. Built once per beat's answers.
const taggedByAnswers = new WeakMap<
	ModelAnswers,
	{ intents: IntentPhrases; tagged: TaggedIntents }
>();

function taggedIntents(intents: IntentPhrases, answers?: ModelAnswers): TaggedIntents {
	if (!answers) return taggedAmong(intents);
	const known = taggedByAnswers.get(answers);
	if (known && known.intents === intents) return known.tagged;
	const said = new Set<string>();
	for (const answer of [...answers.good, ...answers.bad])
		for (const term of answer.terms) {
			if (term.startsWith(INTENT_PREFIX)) said.add(term.slice(INTENT_PREFIX.length));
			else if (term.startsWith(`~${INTENT_PREFIX}`)) said.add(term.slice(INTENT_PREFIX.length + 1));
		}
	const tagged = taggedAmong(intents, said);
	taggedByAnswers.set(answers, { intents, tagged });
	return tagged;
}

function taggedAmong(intents: IntentPhrases, only?: ReadonlySet<string>): TaggedIntents {
	let tagged = only ? undefined : taggedByBook.get(intents);
	if (!tagged) {
		const cues: PreparedCue[] = [];
		const intentOf: string[] = [];
		for (const [id, phrases] of intents) {
			if (UNTAGGED_INTENTS.has(id) || (only && !only.has(id))) continue;
			for (const prepared of preparedPhrases(phrases))
				if (prepared) {
					cues.push(prepared);
					intentOf.push(`${INTENT_PREFIX}${id}`);
				}
		}
		tagged = { list: indexedCues(cues), intentOf };
		if (!only) taggedByBook.set(intents, tagged);
	}
	return tagged;
}

/**
 * What a reply says, as terms to compare with a model answer's (closeness.ts): the intents it
 * expresses (`@id`, or `~@id` in the negative), the beat's key points it makes (`#` and their
 * place) and the pitfalls and company rules it falls into (`!` and their place or rule id).
 */
function meaningTerms(
	matcher: Matcher,
	intents: IntentPhrases,
	points: readonly PointResult[],
	pitfalls: readonly PitfallResult[],
	answers?: ModelAnswers
): Set<string> {
	const terms = new Set<string>();
	matcher.intentsSaid(taggedIntents(intents, answers), terms);
	for (const [i, point] of points.entries()) if (point.hit) terms.add(`#${i}`);
	for (const [i, pitfall] of pitfalls.entries())
		if (pitfall.hit) terms.add(`!${pitfall.rule ?? pitfall.breaks ?? i}`);
	return terms;
}

/**
 * What a model answer says, to compare replies with (see meaningTerms): read once, when a scenario
 * is compiled, against the beat it answers.
 */
export function meaningOf(
	text: string,
	beat: { expect: readonly KeyPoint[]; avoid: readonly Pitfall[]; customer?: string },
	phrasebook: Phrasebook
): Set<string> {
	const result = scoreReply(text, beat, [], phrasebook);
	const folded = foldForMatch(text);
	const matcher = new Matcher(
		new ReplyText(folded, punctuationToSpaces(folded), phrasebook.intents),
		bracketedSpans(text)
	);
	return meaningTerms(matcher, phrasebook.intents, result.points, result.pitfalls);
}

function findAny(matcher: Matcher, cues: readonly string[]): Span[] {
	return matcher.findAll(cues);
}

/** Sorted spans with the overlapping ones joined: the words that made a point, each once. */
function joined(sorted: readonly Span[]): Span[] {
	const spans: Span[] = [];
	for (const [start, end] of sorted) {
		const last = spans[spans.length - 1];
		if (last && start < last[1]) last[1] = Math.max(last[1], end);
		else spans.push([start, end]);
	}
	return spans;
}

// A beat's cue lists live as long as its compiled scenario: each is split once, not on every reply.
const splitLists = new WeakMap<
	readonly string[],
	{ literal: readonly string[]; cited: readonly string[] }
>();

/** A list of cues as the beat's own words and the lexicon's intents it cites. */
function splitCues(cues: readonly string[]): {
	literal: readonly string[];
	cited: readonly string[];
} {
	let split = splitLists.get(cues);
	if (!split) {
		split = {
			literal: cues.filter((cue) => !cue.startsWith(INTENT_PREFIX)),
			cited: cues.filter((cue) => cue.startsWith(INTENT_PREFIX))
		};
		splitLists.set(cues, split);
	}
	return split;
}

/** The share of a reply's words that are part of some cue: near 1 for a bare list of cue words. */
function cueShare(words: readonly Span[], cueSpans: readonly Span[], length: number): number {
	if (words.length === 0) return 0;
	// A map of covered characters keeps this linear, however long the reply and however many hits.
	const covered = new Uint8Array(length + 1);
	for (const [start, end] of cueSpans) covered.fill(1, start, end);
	let count = 0;
	for (const [start, end] of words) {
		for (let i = start; i < end; i++) {
			if (covered[i] === 1) {
				count++;
				break;
			}
		}
	}
	return count / words.length;
}

/** The reply's sentences, normalized: cut from the normalized reply, which has the reply's length. */
function sentencesOf(reply: string, normalized: string): string[] {
	return [...reply.matchAll(/[^。!?!?.;;\n]+/g)]
		.map((m) =>
			normalized
				.slice(m.index, m.index + m[0].length)
				.replace(/\s+/g, ' ')
				.trim()
		)
		.filter((s) => [...s].length >= 4);
}

/**
 * Questions asked for form's sake at the end of a pitch: "Any questions?", "Does that make
 * sense?", 有什麼問題嗎？ 這樣您了解嗎？, and the one that gives the call up ("So that's a no,
 * then?", 那就是不要囉？). They find out nothing the rep needs to know. A tag ("…, okay?",
 * "…, right?"), 好嗎 or 有沒有問題 after a proposed step check that he agrees, and are not among them.
 */
const PRO_FORMA_QUESTION =
	/(?:^|[.!?。！？]\s*)(?:(?:so|and|ok|okay|well)[,\s]+)?(?:any (?:other )?questions|questions|does that make sense|make sense|got it|understood|understand|is that clear|clear|so that['’]?s a no(?:,? then)?|that['’]?s a no(?:,? then)?)\s*[?？]|(?:還有|有)?什麼問題嗎\s*[?？]?|(?:所以|那)(?:就)?是不要了?(?:囉|嗎)\s*[?？]?|(?:這樣)?你?(?:了解|瞭解|明白|清楚|懂)(?:了)?嗎\s*[?？]?/;
const EVERY_PRO_FORMA_QUESTION = new RegExp(PRO_FORMA_QUESTION.source, 'g');

/** The folded reply with its questions for form's sake blanked out (the same length). */
function withoutProFormaQuestions(folded: string): string {
	return folded.replace(EVERY_PRO_FORMA_QUESTION, (question) => ' '.repeat(question.length));
}

function detectSignals(
	reply: string,
	folded: string,
	normalized: string,
	matcher: Matcher
): Signal[] {
	const found: Signal[] = [];
	const chinese = containsChinese(normalized);
	const has = (signal: Exclude<Signal, 'concrete'>) =>
		findAny(matcher, chinese ? SIGNAL_CUES_WITH_CHINESE[signal] : SIGNAL_CUES[signal].en).length >
		0;
	// A question asked for form's sake ("Any questions?", 這樣您了解嗎？) asks nothing: the
	// reply is read without it.
	const asked = PRO_FORMA_QUESTION.test(folded) ? withoutProFormaQuestions(folded) : folded;
	// "Have you", "are you" after "to" ("we'd love to have you with us") is no question.
	const asks = () =>
		findAny(matcher, chinese ? SIGNAL_CUES_WITH_CHINESE.question : SIGNAL_CUES.question.en).some(
			([start, end]) =>
				!/\bto\s+$/.test(normalized.slice(Math.max(0, start - 4), start)) &&
				asked.slice(start, end).trim() !== ''
		);
	if (
		/[?？]/.test(asked) ||
		asks() ||
		(chinese ? isChineseQuestion(asked) : ENGLISH_QUESTION.test(withoutFillers(asked)))
	)
		found.push('question');
	if (has('acknowledge')) found.push('acknowledge');
	if (/\d/.test(normalized) || CHINESE_FIGURE.test(normalized) || ENGLISH_FIGURE.test(normalized))
		found.push('concrete');
	if (has('next-step')) found.push('next-step');
	return found;
}

// A turn of thought or another point: what the rep says after it is not excused by what came before
// (「第二年九折…，不過我幫您問問經理，第一年能不能也少一點」 asks for a first-year discount all the
// same, and so does 「第二年九折…。另外我私下再幫您多加一個關鍵字廣告」). Nor is a private deal
// (「十四天免費試刊…，這個月簽的話我還可以私下幫您打八折」).
const CONTRAST =
	/不過|但是|可是|另外|私下|\bbut\b|\bhowever\b|\bprivately\b|\bbetween us\b|\boff the record\b/;

/** Whether one of a rule's `unless` phrases is near a cue's span, with no turn of thought between them. */
function excusedBy(folded: string, [start, end]: Span, excused: readonly Span[]): boolean {
	return excused.some(
		([s, e]) =>
			start - UNLESS_REACH < e &&
			s < end + UNLESS_REACH &&
			!CONTRAST.test(folded.slice(Math.min(e, start), Math.max(s, end)))
	);
}

/**
 * The company rules the reply breaks, each once, as pitfalls: where the reply says a rule's cue
 * (negation and brackets read as for any cue), not where the beat's own pitfalls already caught the
 * same words, and not with one of the rule's `unless` phrases near it.
 */
function companyRulesBroken(
	matcher: Matcher,
	rules: readonly CompanyRule[],
	beatPitfalls: readonly PitfallResult[],
	beat: BeatOfRules
): PitfallResult[] {
	const caught = beatPitfalls.flatMap((p) => p.spans);
	const overlaps = ([start, end]: Span, spans: readonly Span[], reach = 0) =>
		spans.some(([s, e]) => start - reach < e && s < end + reach);
	const broken: PitfallResult[] = [];
	for (const rule of rules) {
		if (!ruleApplies(rule, beat)) continue;
		const excused = rule.unless.length > 0 ? findAny(matcher, rule.unless) : [];
		const all = findAny(matcher, rule.cues).filter(
			(span) => !excusedBy(matcher.folded, span, excused)
		);
		const spans = all.filter((span) => !overlaps(span, caught));
		if (spans.length > 0)
			broken.push({
				point: rule.point,
				penalty: rule.penalty,
				hit: true,
				spans: joined(spans),
				rule: rule.id
			});
		// The beat's own pitfall said it: the rule is broken all the same, and the pitfall says which.
		for (const pitfall of beatPitfalls)
			if (pitfall.breaks === undefined && all.some((span) => overlaps(span, pitfall.spans)))
				pitfall.breaks = rule.id;
	}
	return broken;
}

type BeatOfRules = { expect: readonly KeyPoint[]; customer?: string };

/** Whether the customer line says one of the phrases: whole words in English, as written in Chinese. */
function customerSays(customer: string, phrases: readonly string[]): boolean {
	const folded = foldForMatch(customer);
	const wordChar = (at: number) => /[a-z0-9]/.test(folded[at] ?? '');
	return phrases.some((phrase) => {
		const wanted = foldForMatch(phrase);
		if (containsChinese(wanted)) return folded.includes(wanted);
		for (let at = folded.indexOf(wanted); at >= 0; at = folded.indexOf(wanted, at + 1))
			if (!wordChar(at - 1) && !wordChar(at + wanted.length)) return true;
		return false;
	});
}

// Whether a rule is on at a beat: read once per beat and rule (both live as long as their content).
const rulesOnAtBeat = new WeakMap<object, WeakMap<CompanyRule, boolean>>();

/**
 * Whether a company rule is on at a beat. Most are on everywhere; some are a wrong move only at some
 * moments: asking for the order is right where the beat's key points ask for it (they cite one of
 * `offWhereExpected`) or the customer himself asks what to sign (`offWhenCustomerSays`), and pushing
 * an upgrade is wrong where he worries about the cost (`onlyWhenCustomerSays`).
 */
function ruleApplies(rule: CompanyRule, beat: BeatOfRules): boolean {
	if (
		!rule.offWhereExpected?.length &&
		!rule.offWhenCustomerSays?.length &&
		!rule.onlyWhenCustomerSays?.length
	)
		return true;
	let ofBeat = rulesOnAtBeat.get(beat);
	if (!ofBeat) rulesOnAtBeat.set(beat, (ofBeat = new WeakMap()));
	let on = ofBeat.get(rule);
	if (on === undefined) {
		const customer = beat.customer ?? '';
		const expected = new Set(rule.offWhereExpected ?? []);
		on =
			!beat.expect.some((point) =>
				point.cues.some((cue) => citedIntents(cue).some((id) => expected.has(id)))
			) &&
			!customerSays(customer, rule.offWhenCustomerSays ?? []) &&
			(!rule.onlyWhenCustomerSays?.length || customerSays(customer, rule.onlyWhenCustomerSays));
		ofBeat.set(rule, on);
	}
	return on;
}

/** The signals whose presence excuses a rule (its `onlyWithout`), or undefined. */
function onlyWithout(rules: readonly CompanyRule[], id: string): readonly Signal[] | undefined {
	const without = rules.find((rule) => rule.id === id)?.onlyWithout;
	return without && without.length > 0 ? without : undefined;
}

// Which company rules are rude and which harmful: read once per phrasebook's rules, not per reply.
const kindsOfRules = new WeakMap<
	readonly CompanyRule[],
	{ rude: ReadonlySet<string>; harmful: ReadonlySet<string> }
>();

function ruleKinds(rules: readonly CompanyRule[]) {
	let kinds = kindsOfRules.get(rules);
	if (!kinds) {
		kinds = {
			rude: new Set(rules.filter((rule) => rule.rude).map((rule) => rule.id)),
			harmful: new Set(
				rules.filter((rule) => rule.penalty >= SCORING.harmfulRule).map((rule) => rule.id)
			)
		};
		kindsOfRules.set(rules, kinds);
	}
	return kinds;
}

// The figures in a beat's customer line: read once per beat (it lives with its compiled scenario).
const customerFigures = new WeakMap<object, ReadonlySet<number>>();

function figuresSaidBy(beat: { customer?: string }): ReadonlySet<number> {
	let figures = customerFigures.get(beat);
	if (!figures) {
		figures = new Set(figuresIn(foldForMatch(beat.customer ?? '')).map((figure) => figure.value));
		customerFigures.set(beat, figures);
	}
	return figures;
}

/**
 * The prices of the tier a sentence names nearest before a position (else first after it), for
 * wrongPrices: the tiers' names found in the reply on first need.
 */
function tierPricesNear(
	tiers: readonly { cues: readonly string[]; prices: number[] }[],
	anywhere: () => Matcher
): TierPricesNear | undefined {
	if (tiers.length === 0) return undefined;
	let named: { span: Span; prices: number[] }[] | undefined;
	return ([from, to], at) => {
		named ??= tiers.flatMap(({ cues, prices }) =>
			findAny(anywhere(), cues).map((span) => ({ span, prices }))
		);
		let before: { span: Span; prices: number[] } | undefined;
		let after: { span: Span; prices: number[] } | undefined;
		for (const tier of named) {
			const [start, end] = tier.span;
			if (start < from || end > to) continue;
			if (end <= at) {
				if (!before || start > before.span[0]) before = tier;
			} else if (start >= at && (!after || start < after.span[0])) after = tier;
		}
		return (before ?? after)?.prices ?? null;
	};
}

/**
 * Scores one reply to one beat. Pure and deterministic: the same reply, beat and earlier replies
 * always give the same result.
 */
export function scoreReply(
	reply: string,
	beat: { expect: readonly KeyPoint[]; avoid: readonly Pitfall[]; customer?: string },
	earlierReplies: readonly string[] = [],
	phrasebook: Phrasebook = NO_PHRASEBOOK,
	modelAnswers: ModelAnswers = NO_MODEL_ANSWERS
): ReplyScore {
	const folded = foldForMatch(reply);
	const normalized = punctuationToSpaces(folded);
	const brackets = bracketedSpans(reply);
	const text = new ReplyText(folded, normalized, phrasebook.intents);
	// The reply's clauses are read for negations only when a cue is found in it (ReplyText.says).
	const matcher = new Matcher(text, brackets);
	// The customer's own words quoted back to him show he was heard (a point may count in them), but
	// the rep falls into no pitfall and breaks no rule in them: 「零頭去掉、算兩萬」——王經理，…
	const quotedHis = /[「『“"‘']/.test(reply) ? quotedCustomerSpans(reply, beat.customer) : [];
	const pitfallMatcher =
		quotedHis.length > 0 ? new Matcher(text, [...brackets, ...quotedHis]) : matcher;
	// Words that count wherever they are said, denied or not: the subject of the call, price words.
	let anywhereMatcher: Matcher | undefined;
	const anywhere = (): Matcher => (anywhereMatcher ??= new Matcher(text, [], true));
	// Whether the reply names what the call is about (the lexicon's `on-topic`): read once, on first need.
	let onTopicWords: boolean | undefined;
	const onTopic = (): boolean => (onTopicWords ??= findAny(anywhere(), ON_TOPIC_CUES).length > 0);
	// What the beat's own cue words cover, apart from the lexicon's phrasings: a reply that is little
	// more than those words is a list of them (the lexicon's phrasings are whole turns of speech).
	const literalSpans: Span[] = [];
	const find = (cues: readonly string[], by = matcher): Span[] => {
		const { literal: literalCues, cited: citedCues } = splitCues(cues);
		const literal = findAny(by, literalCues);
		literalSpans.push(...literal);
		const cited = citedCues.length > 0 ? findAny(by, citedCues) : [];
		return joined(
			cited.length === 0 ? literal : [...literal, ...cited].sort((a, b) => a[0] - b[0])
		);
	};
	const points: PointResult[] = beat.expect.map((kp) => {
		const spans = find(kp.cues);
		return {
			point: kp.point,
			criterion: kp.criterion ?? null,
			weight: kp.weight,
			hit: spans.length > 0,
			spans
		};
	});
	const beatPitfalls: PitfallResult[] = beat.avoid.map((p) => {
		const spans = find(p.cues, pitfallMatcher);
		return { point: p.point, penalty: p.penalty, hit: spans.length > 0, spans };
	});
	const pitfalls = [
		...beatPitfalls,
		...companyRulesBroken(pitfallMatcher, phrasebook.rules, beatPitfalls, beat)
	];
	// A rude question asks nothing, and rude agreement acknowledges nothing.
	const { rude: rudeRules, harmful } = ruleKinds(phrasebook.rules);
	const rude = pitfalls.some(
		(p) =>
			(p.rule !== undefined && rudeRules.has(p.rule)) ||
			(p.breaks !== undefined && rudeRules.has(p.breaks))
	);
	const signals = detectSignals(reply, folded, normalized, matcher).filter(
		(signal) => !rude || (signal !== 'question' && signal !== 'acknowledge')
	);
	// A rule broken only where the reply shows none of some signals (a farewell that asks nothing and
	// proposes no step gives up the call; the same farewell after a booked time does not).
	for (let i = pitfalls.length - 1; i >= 0; i--) {
		const without =
			pitfalls[i]!.rule === undefined
				? undefined
				: onlyWithout(phrasebook.rules, pitfalls[i]!.rule!);
		if (without && without.some((signal) => signals.includes(signal))) pitfalls.splice(i, 1);
	}

	const flags: Flag[] = [];
	const chinese = containsChinese(normalized);
	const latin = chinese ? [] : latinWordSpans(reply);
	const length = chinese ? [...normalized.replace(/\s+/g, '')].length : latin.length;
	if (length < (chinese ? SCORING.minCharsChinese : SCORING.minWordsLatin)) flags.push('too-short');
	if (length > (chinese ? SCORING.maxCharsChinese : SCORING.maxWordsLatin)) flags.push('too-long');
	const cueSpans = joined(
		[...literalSpans, ...pitfalls.filter((p) => p.rule).flatMap((r) => r.spans)].sort(
			(a, b) => a[0] - b[0]
		)
	);
	// Chinese words need Intl.Segmenter, the costliest step of scoring. A reply whose cue words cover
	// under a third of its characters is no list of them, so it is spared the segmenting.
	const covered = cueSpans.reduce((sum, [start, end]) => sum + end - start, 0);
	if (!chinese || covered * 3 >= length) {
		const words = chinese ? wordSpans(reply) : latin;
		if (words.length >= 2 && cueShare(words, cueSpans, reply.length) >= SCORING.cueListShare)
			flags.push('cue-list');
	}
	if (isNotes(reply)) flags.push('notes');
	if (isStageDirections(reply, brackets)) flags.push('stage-directions');
	// The English reply's words, read once for the matcher, are those of its sentences and clauses too.
	const words = chinese ? undefined : text.words();
	const sentences = sentencesOf(reply, normalized);
	const compact = normalized.replace(/\s+/g, '');
	if (
		new Set(sentences).size < sentences.length ||
		repeatsItself(compact) ||
		restatesItself(reply, folded, words, beat.customer) ||
		harpsOn(folded, words, beat.customer)
	)
		flags.push('repeated-sentence');
	if (
		compact &&
		earlierReplies.some((earlier) => normalizeForMatch(earlier).replace(/\s+/g, '') === compact)
	)
		flags.push('repeats-earlier-reply');
	// Off-topic: no key point, no pitfall, none of the words of what the call is about (the lexicon's
	// `on-topic` intent; without one, nothing is off-topic) and not one word of what the customer said.
	// Said in the negative, a word still names the subject ("we're not a scam"); notes are flagged already.
	if (
		phrasebook.intents.has(ON_TOPIC) &&
		!flags.includes('notes') &&
		!flags.includes('stage-directions') &&
		!points.some((p) => p.hit) &&
		!pitfalls.some((p) => p.hit && p.rule !== SMALL_TALK) &&
		!onTopic() &&
		!(beat.customer && refersTo(reply, beat.customer, 1, folded))
	)
		flags.push('off-topic');
	// A wrong fact: a claim that is never true (said, not denied: "there's no deposit" is right), or a
	// price the price list does not have. Prices are read only when the reply has a figure.
	const wrongFacts: Span[] = phrasebook.intents.has(FACT_INTENTS.claims)
		? [...findAny(matcher, CLAIM_CUES)]
		: [];
	// The figures the customer said are his to repeat: read once, when a figure is checked.
	let said: ReadonlySet<number> | undefined;
	const customerSaid = (value: number) => (said ??= figuresSaidBy(beat)).has(value);
	const prices = MAY_HOLD_PRICE.test(folded) ? priceListOf(phrasebook.intents) : [];
	if (prices.length > 0) {
		// Price words count wherever they are said: "not the Gold price" still talks about the price.
		wrongFacts.push(
			...wrongPrices(
				folded,
				prices,
				() => findAny(anywhere(), PRICE_WORD_CUES),
				() => (phrasebook.intents.has(FACT_INTENTS.theirs) ? findAny(anywhere(), THEIR_CUES) : []),
				customerSaid,
				{
					prices: priceListOf(phrasebook.intents, FACT_INTENTS.rivalPrices),
					namesOf: () => findAny(anywhere(), RIVAL_CUES)
				},
				tierPricesNear(tierPricesOf(phrasebook.intents), anywhere)
			)
		);
	}
	// A count the company states otherwise: a trial of 30 days, 50,000 registered buyers.
	if (
		/\d|[一二三四五六七八九十兩]/.test(folded) ||
		MAY_SPELL_COUNT.test(folded) ||
		MAY_SAY_ROUGHLY.test(folded)
	) {
		const facts = countedFactsOf(phrasebook.intents);
		if (facts.length > 0) wrongFacts.push(...wrongCounts(folded, facts));
		// A figure per month said again per year that does not convert: 15 a month "is 500 a year".
		wrongFacts.push(...wrongConversions(folded));
	}
	// The company's founding year or city said otherwise: set up in Taichung in 2005.
	const company = companyFactsOf(phrasebook.intents);
	if (company.facts.length > 0)
		wrongFacts.push(...wrongCompanyFacts(folded, company.facts, company.places));
	// A feature claimed for a tier that lacks it: Basic with keyword ads.
	const tierFacts = tierFactsOf(phrasebook.intents);
	if (tierFacts) wrongFacts.push(...featuresLacked(text, matcher, anywhere(), tierFacts));
	if (wrongFacts.length > 0) flags.push('wrong-fact');
	// Stuffing: selling points listed one after another, not notes (flagged already).
	// Read only when the reply has items enough: the intent's phrases are the costlier step.
	if (phrasebook.intents.has(SELLING_POINTS)) {
		const ends = [...folded.matchAll(LIST_ITEM_ENDS)].map((m) => m.index);
		if (ends.length + 1 >= SCORING.stuffingItems) {
			const selling = findAny(matcher, SELLING_POINT_CUES);
			// Stock acknowledgements piled on top of them are the same pile ("totally understand, I
			// hear you, congratulations, no pressure … 38,000 buyers, 1.2 million visits …").
			const piled = () =>
				sellingItems(
					folded,
					ends,
					[...selling, ...findAny(matcher, COURTESY_CUES)].sort((a, b) => a[0] - b[0])
				);
			if (
				sellingItems(folded, ends, selling) >= SCORING.stuffingItems ||
				(selling.length > 0 &&
					ends.length + 1 >= SCORING.stuffingWithCourtesies &&
					piled() >= SCORING.stuffingWithCourtesies)
			)
				flags.push('stuffing');
		}
	}
	// A reply that takes up what the customer said may run longer before it is a monologue, and loses less.
	const monologueFrom = chinese ? SCORING.monologueCharsChinese : SCORING.monologueWordsLatin;
	// Read only for a long reply that asks nothing: it is the costlier check.
	const referring =
		!signals.includes('question') &&
		length >= monologueFrom &&
		beat.customer !== undefined &&
		refersTo(reply, beat.customer, undefined, folded);
	if (
		!signals.includes('question') &&
		length >= monologueFrom * (referring ? SCORING.monologueReferring : 1)
	)
		flags.push('monologue');

	const penalty = pitfalls.filter((p) => p.hit).reduce((sum, p) => sum + p.penalty, 0);
	// A point missed in its words but done in kind earns part of its weight, on a clean reply that is
	// speech: not one that names its technique in brackets (「（提問）」), which is notes in part, and
	// one about the call (a point made, or a word of the lexicon's `on-topic`): asking about his
	// holiday is no needs discovery.
	const cleanSpeech =
		penalty === 0 &&
		wrongFacts.length === 0 &&
		brackets.length === 0 &&
		!flags.some((flag) => NOT_SPEECH.has(flag)) &&
		(points.some((p) => p.hit) || !phrasebook.intents.has(ON_TOPIC) || onTopic());
	if (cleanSpeech)
		for (const point of points) {
			const signal = point.criterion === null ? undefined : SIGNAL_OF_CRITERION[point.criterion];
			if (!point.hit && signal !== undefined && signals.includes(signal)) point.inKind = signal;
		}
	const totalWeight = points.reduce((sum, p) => sum + p.weight, 0);
	const hitWeight = points.filter((p) => p.hit).reduce((sum, p) => sum + p.weight, 0);
	const inKindWeight =
		SCORING.inKindShare * points.filter((p) => p.inKind).reduce((sum, p) => sum + p.weight, 0);
	let score =
		totalWeight === 0
			? signals.length / SIGNALS.length - penalty
			: penalty === 0
				? SCORING.cleanBase + ((1 - SCORING.cleanBase) * hitWeight) / totalWeight
				: (hitWeight - penalty) / totalWeight;
	score += Math.min(
		SCORING.maxSignalBonus,
		signals.reduce((sum, signal) => sum + SCORING.signalBonus[signal], 0)
	);
	// Done in kind lifts a reply, but never to the pass line on its own, signals included: the
	// customer moves on for the point made, in words that make it.
	if (inKindWeight > 0 && totalWeight > 0)
		score = Math.max(
			score,
			Math.min(SCORING.inKindCap, score + ((1 - SCORING.cleanBase) * inKindWeight) / totalWeight)
		);
	let replyTerms: Set<string> | undefined;
	if (modelAnswers.good.length > 0) {
		replyTerms = termsOfFolded(folded, words);
		for (const term of meaningTerms(matcher, phrasebook.intents, points, pitfalls, modelAnswers))
			replyTerms.add(term);
	}
	const { nearest, credit: closeness } = closenessOf(reply, modelAnswers, replyTerms);
	score += closeness;
	// Close to a good model answer (nearer than to any bad one, and nearer than replies to the beat
	// usually are) and clean: acceptable at least, whatever words it makes its points in.
	if (cleanSpeech && closeness > 0) score = Math.max(score, SCORING.closeFloor);
	// A pitfall of the beat hurts the call (a trainer's 2); a company rule broken is harmful (a 1),
	// whatever else the reply does well.
	// A rule whose penalty is under `harmfulRule` is poor, as a beat's pitfall; from it on, harmful.
	const ruleBroken = pitfalls.some(
		(p) =>
			p.hit &&
			((p.rule !== undefined && harmful.has(p.rule)) ||
				(p.breaks !== undefined && harmful.has(p.breaks)))
	);
	const poor = pitfalls.some((p) => p.hit);
	if (poor && !ruleBroken)
		score = Math.min(SCORING.pitfallCap, Math.max(SCORING.pitfallFloor, score));
	if (flags.includes('wrong-fact')) score = Math.min(score, SCORING.wrongFactCap);
	if (flags.includes('stuffing')) score = Math.min(score, SCORING.stuffingCap);
	if (ruleBroken) score = Math.min(score * SCORING.ruleCut, SCORING.ruleCap);
	if (!signals.includes('question') && !signals.includes('next-step')) {
		score = Math.min(score, SCORING.noQuestionCap);
		if (
			!signals.includes('concrete') &&
			phrasebook.intents.has(EMPTY_COURTESY) &&
			findAny(anywhere(), EMPTY_COURTESY_CUES).length > 0
		) {
			flags.push('polite-empty');
			score = Math.min(score, SCORING.politeEmptyCap);
		}
	}
	if (flags.includes('too-short')) score *= 0.5;
	// Not speech, or the same words again: a trainer's 1, however good the words.
	if (
		flags.includes('cue-list') ||
		flags.includes('notes') ||
		flags.includes('stage-directions') ||
		flags.includes('repeated-sentence')
	)
		score = Math.min(score * 0.2, SCORING.notSpeechCap);
	if (flags.includes('off-topic')) score = Math.min(score * 0.2, SCORING.notSpeechCap);
	if (flags.includes('repeats-earlier-reply')) score = Math.min(score * 0.2, SCORING.notSpeechCap);
	if (flags.includes('monologue'))
		score = Math.min(1, score) * (referring ? SCORING.monologueReferringCut : SCORING.monologueCut);
	if (flags.includes('too-long')) score -= 0.1;
	score = Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
	return {
		score,
		points,
		pitfalls,
		signals,
		flags,
		closeness,
		nearest,
		...(wrongFacts.length > 0 ? { wrongFacts: joined(wrongFacts.sort((a, b) => a[0] - b[0])) } : {})
	};
}
