import type { Span } from './score';

/*
 * Whether a cue found in a reply counts as the rep doing (or, for a pitfall, falling into) the
 * thing: not when it is said in the negative ("I can't give you a discount", 「我沒辦法私下打折」),
 * and not when the rep is quoting the customer ("you said it's too expensive", 「您說太貴」). The
 * rules, which the help page gives trainers in the same words:
 *
 * - The clause is the stretch of the reply around the cue between punctuation marks and words
 *   that start a new clause (but, however; 但是、可是、不過).
 * - A cue is negated when a negation comes shortly before it in its clause: 不、沒、沒有、不會、不用、
 *   別、不要、無法、沒辦法、不是、並非、免 … at most six characters before it in Chinese; in English
 *   not, never, n't, cannot, without … at most five words before it, and no, none, nothing … right
 *   before it (two words), in both cases with no preposition between ("not for the trial" says
 *   nothing against the trial). The nearest negation decides, unless another comes right before
 *   it: then the two cancel out (「不是不」, "not that you can't").
 * - Words that only look negative do not negate: 不好意思、沒問題、沒錯、不錯、不少、免費 …, a
 *   question of the form 是不是 / 有沒有 / 要不要 (A-not-A), no problem, no worries, not only.
 * - A question keeps its cues (「不用擔心嗎？」, "wouldn't a trial help?"): a negated question still
 *   raises the thing it asks about.
 * - A cue written with its own negation ("not expensive", 「不貴」) is matched as written, unless
 *   another negation comes right before it, with nothing or only a verb of saying between: the rep
 *   says they are not saying it (「我不會說今天不買就沒了」, "I'm not saying don't miss out").
 *   Another denial before it ("no fee and no deposit", 「不用錢也不用押金」) leaves it as it is.
 * - A clause that quotes the customer (您說、你剛剛說、you said, you mentioned) does not count; 「跟您說」、
 *   「跟妳講」 is the rep telling, not quoting.
 * - A cue in quotation marks is what the verb before the marks says: a negation anywhere in the
 *   clause before the marks denies it (「我不會叫您跟老闆說「很便宜」」, I won't tell him "it's cheap").
 * - "Either" at the end of a cue's clause carries a negation from anywhere in the clause before it
 *   ("I'm not going to go to my manager and come back with some special price either").
 * - Chinese puts what is refused first: a cue followed in its clause by a refusal (沒辦法、不能、
 *   無法、不可能、做不到、給不了、也是騙您 …) is denied (「兩萬我沒辦法給」、「私下降價我答應了也是騙您」).
 */

// A comma between digits separates thousands (12,800), not clauses.
const CLAUSE_MARKS = /(?<!\d),|,(?!\d)|[，。!！?？;；:：、\n…]|\.(?!\d)/g;
const CHINESE_CLAUSE_STARTS = ['但是', '可是', '不過', '只是', '然而', '但'];
const ENGLISH_CLAUSE_STARTS = /\b(?:but|however|though|although|instead|yet|whereas)\b/g;

const CHINESE_NEGATIONS = [
	'沒辦法',
	'沒有',
	'無法',
	'不會',
	'不用',
	'不要',
	'不必',
	'不能',
	'不是',
	'並非',
	'並不',
	'絕不',
	'從不',
	'從沒',
	'未曾',
	'不',
	'沒',
	'別',
	'免',
	'勿',
	'甭'
];
/** Words that contain a negation character without negating anything. */
const CHINESE_NOT_NEGATIONS = [
	'不好意思',
	'不客氣',
	'不錯',
	'不少',
	'不過',
	'不斷',
	'不管',
	'不同',
	// 「不像百業通那種都是垃圾詢價」: unlike, a comparison that says what the other is.
	'不像',
	'不但',
	'不僅',
	'不只',
	'不然',
	'不久',
	'不妨',
	'不如',
	'差不多',
	'要不然',
	// 「沒有的話退錢給您」: "if not", a condition, not a denial of what follows.
	'沒有的話',
	'沒的話',
	'沒問題',
	'沒關係',
	'沒錯',
	'免費',
	'免得',
	'難免',
	'避免',
	'特別',
	'別人',
	'分別',
	'區別',
	'個別',
	'別家',
	'無論',
	'未來',
	// Words and endings with 不 in them that deny nothing: stainless steel, more work than hands (做不完).
	'不鏽鋼',
	'不銹鋼',
	'不完',
	'不得了'
];
// Global, for matchAll: looked for with search(), never test(), which would leave a lastIndex that
// the next matchAll starts from (a negation missed depending on the reply scored before).
// "To save you passing it on" and "spare you the trouble of asking" deny the thing, as "not" does.
const ENGLISH_VERB_NEGATION =
	/\b(?:not|never|cannot|without|hardly|dont|wont|cant|isnt|arent|doesnt|didnt|shouldnt|wouldnt|couldnt|wasnt|werent|havent|hasnt|aint|(?:save|saves|spare|spares)\s+(?:you|her|him|them))\b|n['’]t\b/g;
const ENGLISH_NOUN_NEGATION = /\b(?:no|none|nothing|nobody|neither|nor)\b/g;
const ENGLISH_NOT_NEGATIONS =
	/\b(?:no problem|no worries|no doubt|not only|no matter|no wonder|no obligation)\b/g;
// A negation's reach ends at a preposition: "not for the trial", "nothing for you to sign"; not at
// the "for" of asking or paying for something ("we don't ask for a card"), nor at "or" ("we don't
// take a card or a deposit" denies both), nor at the "of" of "spare you the trouble of".
const ENGLISH_SCOPE_ENDS =
	/\b(?:(?<!\b(?:ask|asks|asked|asking|charge|charges|charging|pay|pays|paying)(?:\s+(?:you|him|them|us))?\s+)for|with|about|(?<!\b(?:trouble|bother|hassle)\s+)of|from|on|in|at|after|before|during|because|if|since|so|and)\b/g;
// The item before an "or" that the cue follows: what denies that item denies the cue ("no card or
// deposit", "we don't ask for a card or a deposit").
const ENGLISH_OR_ITEM = /\b(?:(?:a|an|any|the)\s+)?[a-z'’-]+\s+or\s+(?:(?:a|an|any|the)\s+)?$/;
const ENGLISH_VERB_WORDS = 5;
const ENGLISH_NOUN_WORDS = 2;
const CHINESE_WINDOW = 6;

// Read in replies folded for matching (foldForMatch), where 您 and 妳 are 你.
const CHINESE_QUOTES = ['你說', '你剛說', '你剛剛說', '你提到', '你剛提到', '你講', '你覺得'];
// 「跟你說」、「跟妳講」: the rep telling the customer, not quoting him.
const CHINESE_TELLING = /[跟和對給向幫]$/;
// The marks that open a quotation, as folded replies keep them.
const OPENING_QUOTES = /[「『“"‘'《]\s*$/;
// A refusal after the thing refused, within a few characters in its clause: 「兩萬我真的沒辦法給」、
// 「降價我答應了也是騙你」、「折扣是不可能的」. Not 「九折不能再少了」: that holds to what was offered.
// Nor 「第一年能不能也少一點」: 能不能 asks for it. Nor 「百業通那些都是騙人的」: calling them liars
// refuses nothing (也是騙你 and 就是騙人 say the rep would be lying).
const CHINESE_REFUSAL_AFTER =
	/^[^，,。!！?？;；:：、\n…]{0,7}?(?:(?:沒辦法|沒有辦法|無法|(?<!能)不能|不可能)(?!再)|做不到|辦不到|給不了|不會給|不會答應|[也就]是騙(?:你|您|妳|人))/;
const ENGLISH_QUOTE =
	/^\s*(?:so\s+|and\s+)?you(?:'ve| have)?\s+(?:just\s+)?(?:said|say|mentioned|told me|feel|think)\b/;

/** Whether position `at` of `text` lies inside one of `words` found there. */
function isInside(text: string, at: number, words: readonly string[]): boolean {
	for (const word of words) {
		for (
			let i = text.indexOf(word, Math.max(0, at - word.length + 1));
			i >= 0 && i <= at;
			i = text.indexOf(word, i + 1)
		)
			if (at < i + word.length) return true;
	}
	return false;
}

/** Where the negations in a stretch of Chinese end, each counted once (沒有 is one, not 沒 and 有). */
const NEGATION_FIRST_CHARACTERS = new Set(CHINESE_NEGATIONS.map((word) => word[0]!));

function chineseNegationEnds(text: string): { start: number; end: number }[] {
	const found: { start: number; end: number }[] = [];
	for (let i = 0; i < text.length;) {
		const negation = NEGATION_FIRST_CHARACTERS.has(text[i]!)
			? CHINESE_NEGATIONS.find((word) => text.startsWith(word, i))
			: undefined;
		if (!negation || isInside(text, i, CHINESE_NOT_NEGATIONS) || isChoiceQuestion(text, i)) {
			i++;
			continue;
		}
		found.push({ start: i, end: i + negation.length });
		i += negation.length;
	}
	return found;
}

/**
 * Whether a stretch of a folded reply holds a negation, whatever it reaches: a fact said of a tier
 * is denied by one anywhere between the two ("Basic doesn't come with keyword ads", "keyword ads
 * aren't part of Basic", 「基礎方案是沒有含關鍵字廣告的」).
 */
export function holdsNegation(stretch: string): boolean {
	const cleared = stretch.replace(ENGLISH_NOT_NEGATIONS, (found) => ' '.repeat(found.length));
	return (
		cleared.search(ENGLISH_VERB_NEGATION) >= 0 ||
		cleared.search(ENGLISH_NOUN_NEGATION) >= 0 ||
		chineseNegationEnds(stretch).length > 0
	);
}

/** 是不是、有沒有、方不方便: the same character on both sides of 不 or 沒 asks, it does not deny. */
function isChoiceQuestion(text: string, at: number): boolean {
	return (text[at] === '不' || text[at] === '沒') && at > 0 && text[at - 1] === text[at + 1];
}

/**
 * Where the English negations before a cue (`before` ends at the cue) that reach it are, as word
 * counts from the cue, nearest first, and whether each is a bare "no" (a list of them denies each
 * item: "no card no deposit").
 */
function englishNegationsReaching(before: string): { words: number; no: boolean }[] {
	const cleared = before
		.replace(ENGLISH_NOT_NEGATIONS, (found) => ' '.repeat(found.length))
		.replace(ENGLISH_OR_ITEM, '');
	const scopeStart = Math.max(
		0,
		...[...cleared.matchAll(ENGLISH_SCOPE_ENDS)].map((m) => m.index + m[0].length)
	);
	const inScope = cleared.slice(scopeStart);
	const wordsAfter = (at: number) => [...inScope.slice(at).matchAll(/[a-z0-9'’]+/g)].length;
	const reaching: { words: number; no: boolean }[] = [];
	for (const m of inScope.matchAll(ENGLISH_VERB_NEGATION))
		if (wordsAfter(m.index + m[0].length) <= ENGLISH_VERB_WORDS)
			reaching.push({ words: wordsAfter(m.index + m[0].length), no: false });
	for (const m of inScope.matchAll(ENGLISH_NOUN_NEGATION))
		if (wordsAfter(m.index + m[0].length) <= ENGLISH_NOUN_WORDS)
			reaching.push({ words: wordsAfter(m.index + m[0].length), no: m[0] === 'no' });
	return reaching.sort((a, b) => a.words - b.words);
}

/**
 * Whether the negation nearest before a cue is cancelled by another right before it: 「不是不」、
 * 「沒有不」, "not that you can't".
 */
function negatedBefore(before: string): boolean {
	const everyChinese = chineseNegationEnds(before);
	// 「我不會跟您說兩萬六千八很便宜」: what the rep will not say is denied however far it runs on.
	const last = everyChinese[everyChinese.length - 1];
	if (
		last &&
		before.length - last.end > CHINESE_WINDOW &&
		CHINESE_SAYS_THAT.test(before.slice(last.end).replace(CHINESE_PRONOUNS, '').replace(/\s+/g, ''))
	)
		return true;
	const chinese = everyChinese.filter((n) => before.length - n.end <= CHINESE_WINDOW);
	if (chinese.length > 0) {
		const nearest = chinese[chinese.length - 1]!;
		const previous = chinese[chinese.length - 2];
		return !(previous && nearest.start - previous.end <= 1);
	}
	// No Latin letter, no English negation: the costlier reading is spared.
	if (!/[a-z]/.test(before)) return false;
	const [nearest, previous] = englishNegationsReaching(before);
	if (!nearest) return false;
	// Two negations close together cancel out ("not that you can't"), but a list of bare "no"s
	// denies each item ("no card no deposit", typed without commas).
	return !(previous && previous.words - nearest.words <= 4 && !(previous.no && nearest.no));
}

// What may stand between a negation and a cue that carries its own negation for the first to deny
// the second: nothing, or a verb of saying or pushing with its people (「我不會說今天不買就沒了」,
// 「不是要您今天不簽」, "I'm not saying you can't wait"). Anything else between is a second, separate
// denial (「不用錢也不用押金」, "no fee and no deposit"), which leaves the cue as it is.
const CHINESE_PRONOUNS = /[你我他她們]/g;
const CHINESE_SAYING = /^(?:會|敢|要|是|想)?(?:跟|對|叫|要|逼|請)?(?:說|講|叫|要|逼|是)?$/;
// Also when it opens with when it would be said: 「不會一開口就跟您談折扣」.
const CHINESE_SAYS_THAT =
	/^(?:會|敢|要|是|想)?(?:一開口就|一開始就|一上來就|馬上|直接|先)?(?:跟|對|和)?(?:說|講|談|提)/;
const ENGLISH_SAYING = new Set(
	'say saying said tell telling told you i im it its is am are that going to gonna want asking ask make force pushing push pressure pressuring mean meaning claim claiming suggest suggesting the customer'.split(
		' '
	)
);

/**
 * Whether a cue that carries its own negation (「今天不買」, "don't miss out") is denied by a negation
 * right before it: the rep says they are NOT saying it. Two negations before it cancel out, as for
 * any cue.
 */
function deniedSaying(before: string): boolean {
	const chinese = chineseNegationEnds(before);
	if (chinese.length > 0) {
		const nearest = chinese[chinese.length - 1]!;
		const between = before.slice(nearest.end).replace(CHINESE_PRONOUNS, '').replace(/\s+/g, '');
		// 「我不會說這個價格今天過了就沒有」: what the rep will not say is denied, however it goes on.
		if (!CHINESE_SAYING.test(between) && !CHINESE_SAYS_THAT.test(between)) return false;
		const previous = chinese[chinese.length - 2];
		return !(previous && nearest.start - previous.end <= 1);
	}
	if (!/[a-z]/.test(before)) return false;
	const negations = [...before.matchAll(ENGLISH_VERB_NEGATION)];
	const last = negations[negations.length - 1];
	if (!last) return false;
	const between = [...before.slice(last.index + last[0].length).matchAll(/[a-z0-9'’]+/g)].map((m) =>
		m[0].replace(/['’]/g, '')
	);
	return between.length <= ENGLISH_VERB_WORDS && between.every((word) => ENGLISH_SAYING.has(word));
}

/** Whether the customer's words are quoted before a cue: 你說 and the like, not 跟你說 (the rep telling). */
function quotesCustomer(before: string): boolean {
	for (const quote of CHINESE_QUOTES)
		for (let i = before.indexOf(quote); i >= 0; i = before.indexOf(quote, i + 1))
			if (!CHINESE_TELLING.test(before.slice(0, i))) return true;
	return ENGLISH_QUOTE.test(before);
}

/**
 * Whether a cue that opens a quotation is denied by the clause that quotes it: a negation anywhere
 * before the marks, not cancelled by another right before it (「我不會叫您跟老闆說「很便宜」」).
 */
function quotationDenied(before: string): boolean {
	const chinese = chineseNegationEnds(before);
	if (chinese.length > 0) {
		const nearest = chinese[chinese.length - 1]!;
		const previous = chinese[chinese.length - 2];
		return !(previous && nearest.start - previous.end <= 1);
	}
	if (!/[a-z]/.test(before)) return false;
	const cleared = before.replace(ENGLISH_NOT_NEGATIONS, (found) => ' '.repeat(found.length));
	return cleared.search(ENGLISH_VERB_NEGATION) >= 0;
}

/** How far before a cue its clause is read: enough for any negation's reach and a quote's opening. */
const LOOK_BACK = 80;

/**
 * Whether a question that ends after a cue asks about it: only when it ends soon after (「不用擔心嗎」,
 * "wouldn't a trial help you see?"). An unpunctuated run that ends on a question asks something else
 * (「我不跟您保證詢價幾張但我保證…下禮拜三下午兩點可以嗎」 still denies the promise).
 */
function questionReaches(between: string): boolean {
	return /[\u3400-\u9fff]/.test(between)
		? between.replace(/\s/g, '').length <= QUESTION_REACH.chinese
		: between.trim().split(/\s+/).length <= QUESTION_REACH.words;
}
const QUESTION_REACH = { chinese: 16, words: 10 } as const;

/** The last index of sorted `values` below `limit`, or -1. */
function lastBelow(values: readonly number[], limit: number): number {
	let low = 0;
	let high = values.length - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (values[middle]! < limit) {
			found = middle;
			low = middle + 1;
		} else high = middle - 1;
	}
	return found;
}

/**
 * Reads one reply for `cueCounts`: where its clauses begin and end is found once, so that checking
 * every hit of every cue stays linear in the reply's length, however long it is.
 * `folded` is the reply folded for matching with its punctuation kept (foldForMatch).
 */
export function negationReader(folded: string): (span: Span, cue: string) => boolean {
	const marks = [...folded.matchAll(CLAUSE_MARKS)];
	const markAt = marks.map((m) => m.index);
	const clauseStarts: number[] = marks.map((m) => m.index + m[0].length);
	for (const word of CHINESE_CLAUSE_STARTS) {
		for (let i = folded.indexOf(word); i >= 0; i = folded.indexOf(word, i + 1))
			if (!isInside(folded, i, CHINESE_NOT_NEGATIONS)) clauseStarts.push(i + word.length);
	}
	for (const word of folded.matchAll(ENGLISH_CLAUSE_STARTS))
		clauseStarts.push(word.index + word[0].length);
	clauseStarts.sort((a, b) => a - b);
	// What comes before a cue depends on where the cue starts only: read once per start, however
	// many cues start there.
	const beforeAt = new Map<
		number,
		{
			quoted: boolean;
			negated?: boolean;
			deniedSaying?: boolean;
			inQuotation?: boolean;
			before: string;
		}
	>();
	return ([start, end], cue) => {
		const from = Math.max(0, clauseStarts[lastBelow(clauseStarts, start + 1)] ?? 0);
		let read = beforeAt.get(start);
		if (!read) {
			const before = folded.slice(Math.max(from, start - LOOK_BACK), start);
			read = { quoted: quotesCustomer(before), before };
			beforeAt.set(start, read);
		}
		if (read.quoted) return false;
		const next = lastBelow(markAt, end) + 1;
		let closing = marks[next]?.[0] ?? '';
		let to = markAt[next] ?? folded.length;
		// Unpunctuated speech pauses with a space between Chinese words: the clause ends there, and a
		// question at the end of the reply (「…這樣好嗎」) asks nothing about a cue said before it.
		const pause = pauseAfter(folded, end, to);
		if (pause >= 0) {
			closing = '';
			to = pause;
		}
		if (
			(closing === '?' ||
				closing === '？' ||
				/[嗎呢]\s*$/.test(folded.slice(Math.max(from, to - 4), to))) &&
			questionReaches(folded.slice(end, to))
		)
			return true;
		if (OPENING_QUOTES.test(read.before)) {
			read.inQuotation ??= quotationDenied(read.before);
			if (read.inQuotation) return false;
		}
		if (cueNegates(cue)) {
			read.deniedSaying ??= deniedSaying(read.before);
			return !read.deniedSaying;
		}
		read.negated ??= negatedBefore(read.before);
		if (read.negated) return false;
		// "Either" ending the clause carries its negation however far back: "I'm not going to go to my
		// manager and come back with some special price either".
		if (EITHER_ENDS.test(folded.slice(end, to)) && deniedInClause(read.before)) return false;
		// Refused after it is said: 「兩萬我沒辦法給」. Only Chinese puts the refusal there.
		if (
			NEGATION_FIRST_OR_REFUSAL.test(folded.slice(end, to)) &&
			refusedAfter(folded.slice(end, to))
		)
			return false;
		// Or named as talk, then refused in the next clause: 「那種保證第一頁的話，我不會跟您講」.
		return !(
			TALK_NAMED.test(folded.slice(end, to)) && TALK_REFUSED.test(folded.slice(to + 1, to + 16))
		);
	};
}

const EITHER_ENDS = /\beither\s*$/;
// Without the g flag: test() on a g expression leaves a lastIndex behind (see scoring/README.md).
const ENGLISH_DENIAL = new RegExp(ENGLISH_VERB_NEGATION.source);
// Not "no problem", "not only": they deny nothing.
const deniedInClause = (before: string) =>
	ENGLISH_DENIAL.test(before.replace(ENGLISH_NOT_NEGATIONS, ' '));

// A clause that ends by naming what comes before as talk (…的話, …那種話) …
const TALK_NAMED = /^[^，,。!！?？;；:：\n]{0,8}?(?:的話|這種話|那種話|這些話|那些話)\s*$/;
// … and a next clause that refuses to say it.
const TALK_REFUSED =
	/^\s*(?:我|我們)?(?:絕對|從來)?(?:不會|不敢|不能|沒辦法|不)(?:跟(?:你|您|妳))?(?:講|說|保證|亂講|亂說)/;

// A quick look before the costlier reading: no refusal can follow without one of these characters.
const NEGATION_FIRST_OR_REFUSAL = /[沒無不騙給做辦]/;

function refusedAfter(after: string): boolean {
	return CHINESE_REFUSAL_AFTER.test(after);
}

const PAUSE = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u;

/** Where the first pause (a space between Chinese words) between `from` and `to` is, or -1. */
function pauseAfter(folded: string, from: number, to: number): number {
	const found = PAUSE.exec(folded.slice(from, to));
	return found ? from + found.index : -1;
}

// Cues are few and recur on every reply: whether each carries its own negation is read once.
const negatingCues = new Map<string, boolean>();
const MAX_NEGATING_CUES = 50_000;

/** Whether a cue is written with its own negation ("not expensive", 「不貴」): it is then matched as written. */
function cueNegates(cue: string): boolean {
	let negates = negatingCues.get(cue);
	if (negates === undefined) {
		negates =
			chineseNegationEnds(cue).length +
				[...cue.matchAll(ENGLISH_VERB_NEGATION), ...cue.matchAll(ENGLISH_NOUN_NEGATION)].length >
			0;
		if (negatingCues.size >= MAX_NEGATING_CUES) negatingCues.clear();
		negatingCues.set(cue, negates);
	}
	return negates;
}

/** Whether the cue found at `span` of `folded` counts: see the rules above. */
export function cueCounts(folded: string, span: Span, cue: string): boolean {
	return negationReader(folded)(span, cue);
}
