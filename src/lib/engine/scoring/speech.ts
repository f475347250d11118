import type { Span } from './score';
import {
	containsChinese,
	foldForMatch,
	latinWords,
	stem,
	wordsBetween,
	type Word
} from './normalize';
import { termsOfFolded } from './closeness';

/*
 * Whether a reply is something a rep would say on the phone, rather than notes about what to say:
 * bracketed labels or stage directions 「（同理）…（提問）…」, or fragments with no sentence in them
 * ("name, company, value statement, permission question"; "views -> inquiries -> calls").
 */

// Brackets of every kind, and the asterisks of chat and Markdown (*sighs*, **explain the maths**).
const BRACKETS =
	/[(（【[〔［〈《<][^()（）【】[\]〔〕［］〈〉《》<>]*[)）】\]〕］〉》>]|\*{1,2}[^*\n]+\*{1,2}|＊[^＊\n]+＊/g;

/** The bracketed stretches of a reply: stage directions, or an aside a rep would not say aloud. */
export function bracketedSpans(reply: string): Span[] {
	return [...reply.matchAll(BRACKETS)].map((m) => [m.index, m.index + m[0].length]);
}

// Words in quotation marks: 「…」, 『…』, “…”, "…", ‘…’ and '…' (not an apostrophe inside a word).
const QUOTATIONS =
	/「[^」]*」|『[^』]*』|“[^”]*”|"[^"\n]*"|‘[^’\n]*’|(?<![\p{L}\p{N}])'[^'\n]+'(?!\p{L})/gu;
/** How much of a quotation must be the customer's own words for it to be his, not the rep's. */
const HIS_SHARE = 0.6;

/**
 * The quotations of a reply that say back what the customer just said (「零頭去掉、算兩萬」——王經理…;
 * 'How many times a day are you people going to ring': I hear you…): his words, not the rep's, so
 * no cue inside them counts, as none inside brackets does. A quotation of anything else (the words
 * the rep will put in the boss's summary) is the rep's own.
 */
export function quotedCustomerSpans(reply: string, customer: string | undefined): Span[] {
	if (!customer) return [];
	const spans: Span[] = [];
	let his: Set<string> | undefined;
	for (const m of reply.matchAll(QUOTATIONS)) {
		const quoted = termsOfFolded(foldForMatch(m[0].slice(1, -1)));
		if (quoted.size < 2) continue;
		his ??= termsOfFolded(foldForMatch(customer));
		let shared = 0;
		for (const term of quoted) if (his.has(term)) shared++;
		if (shared >= HIS_SHARE * quoted.size) spans.push([m.index, m.index + m[0].length]);
	}
	return spans;
}

/** Two or more bracketed labels, or brackets holding a third of the reply, read as stage directions. */
export function isStageDirections(reply: string, brackets: readonly Span[]): boolean {
	if (brackets.length >= 2) return true;
	const inside = brackets.reduce(
		(sum, [start, end]) => sum + reply.slice(start, end).replace(/\s/g, '').length,
		0
	);
	return inside > 0 && inside >= reply.replace(/\s/g, '').length / 3;
}

// A person talking names someone: I, you, we, 我、您、你 … Notes about a call name no one.
const PERSON_EN =
	/\b(?:i|i'm|im|i'll|ill|i've|ive|you|you're|youre|your|we|we're|were|we'll|our|us|me|my|he|she|they|them|his|her|their|it's|let's|lets)\b/;
// Speech to the customer says I, we or you; notes name him in the third person ("respect his time").
const ADDRESS_EN =
	/\b(?:i|i'm|im|i'll|ill|i've|ive|i'd|id|you|you're|youre|you'll|youll|your|we|we're|we'll|our|us|me|my|let's|lets)\b/;
// Fillers and particles belong to speech (a transcript of a call is full of them), never to notes.
const PERSON_ZH = /[我您你妳咱他她嗯呃喔欸啦吧耶哇]|那個|就是說|像是說/;
const NOTE_WORDS = /\b(?:vs|w\/|yrs|e\.g|etc|approx|re:)(?=[\s.,/]|$)/;
const NOTE_MARKS = /->|→|=>|=|\/|;|\+|\|/g;
const CHINESE_SPACE = /([\u3400-\u9fff])\s+(?=[\u3400-\u9fff\w])/g;

// The words of grammar and address that speech is full of and notes leave out.
const GRAMMAR_WORDS = new Set(
	'the a an and or but so if then than that this these those there here what when where which who how why is are was were be been being am do does did have has had will would can could should shall may might must not no yes i you he she it we they me him her us them my your his its our their mine yours to of in on at for from with by about as into over just very really also too all any some more most much many one two well okay ok sure right now get got make made know think want need say said tell told go going come like good let lets im ill ive youre youd dont cant wont isnt thats its theres whats weve theyre hes shes id'.split(
		' '
	)
);
// The same words stemmed, to be compared with stems: "those" is "thos", "there" is "ther".
const GRAMMAR_STEMS = new Set([...GRAMMAR_WORDS].map((word) => stem(word)));
const GRAMMAR_CHARS = new Set([
	...'的了是我你他們這那個一不有在也就都會要說吧呢嗎啊喔啦嘛呀很還再把被給跟和與及或而但您請看想能可以到去來過對'
]);

/** The share of a text's words (Chinese: characters) that are grammar and address rather than subject. */
function grammarShare(text: string): { words: number; share: number } {
	const folded = foldForMatch(text);
	// Code units: no character outside the basic plane is Chinese here.
	let chinese = 0;
	let grammar = 0;
	for (let i = 0; i < folded.length; i++) {
		const code = folded.charCodeAt(i);
		if (code < 0x3400 || code > 0x9fff) continue;
		chinese++;
		if (GRAMMAR_CHARS.has(folded[i]!)) grammar++;
	}
	if (chinese >= 4) return { words: chinese, share: grammar / chinese };
	const words = [...folded.matchAll(/[a-z0-9]+(?:['’][a-z]+)*/g)].map((m) =>
		m[0].replace(/['’]/g, '')
	);
	return {
		words: words.length,
		share: words.filter((word) => GRAMMAR_WORDS.has(word)).length / Math.max(1, words.length)
	};
}

/**
 * Notes, not speech: fragments joined by arrows, slashes or plus signs; Chinese words with spaces
 * between them (Chinese is spoken, and typed, without) that address no one; short fragments, or a
 * run of words, with almost none of the little words of grammar and address that speech is made of.
 */
export function isNotes(reply: string): boolean {
	const text = reply.normalize('NFKC');
	const fragments = text
		.replace(CHINESE_SPACE, '$1,')
		// Not the comma of 12,800, nor the full stop of Mr. Wang.
		.split(
			/\s*(?:->|→|=>|=|\/|;|\||(?<!\d),|,(?!\d)|、|:|\+|\?(?=.)|(?<!\b(?:[Mm]rs?|[Mm]s|[Dd]r))\.\s)\s*/
		)
		.map((f) => f.trim())
		.filter(Boolean);
	const words = (fragment: string) =>
		/[\u3400-\u9fff]/.test(fragment)
			? Math.ceil(fragment.replace(/\s/g, '').length / 2)
			: fragment.split(/\s+/).length;
	const averageWords =
		fragments.reduce((sum, f) => sum + words(f), 0) / Math.max(1, fragments.length);
	const short = fragments.length >= 3 && averageWords <= 4;
	const person = PERSON_EN.test(text.toLowerCase()) || PERSON_ZH.test(text);
	// Arrows, slashes and plus signs between short fragments are notes, whoever they name; semicolons
	// only when they name no one (「建議從三種裡面挑：您賣最好的；規格寫得清楚的；…」 is speech).
	const marks = (text.match(NOTE_MARKS) ?? []).filter((mark) => mark !== ';' || !person).length;
	if (marks >= 2) return short;
	const grammar = grammarShare(text);
	const chinese = containsChinese(text);
	// Short fragments with few words of grammar; in English, one that names someone ("look us up
	// … ring our main line back yourself") is speech unless it has fewer still.
	if (
		fragments.length >= 4 &&
		averageWords <= 3.5 &&
		grammar.share < (chinese ? 0.15 : PERSON_EN.test(text.toLowerCase()) ? 0.15 : 0.2)
	)
		return true;
	// A run of words without a mark between them, as a list is typed in a hurry.
	if (!chinese && grammar.words >= 8 && grammar.share < 0.15 && !/[.,!?;:]/.test(text)) return true;
	// A run of words with no mark at all and few words of grammar, naming no one: keywords typed in a row.
	if (
		!chinese &&
		!person &&
		grammar.words >= 10 &&
		grammar.share < 0.25 &&
		!/[.,!?;:]/.test(text.replace(/(?<=\d)[,.](?=\d)|[.?!]\s*$/g, ''))
	)
		return true;
	// Five or more short fragments that name no one, or in English speak of him but not to him ("Respect
	// his time. Ask for a better time. Next step."): a list of talking points, not a sentence to a
	// person. In Chinese, only a reply that is nothing but a list (enumeration marks, no comma or full stop).
	if (
		(chinese ? !person : !ADDRESS_EN.test(text.toLowerCase())) &&
		fragments.length >= 5 &&
		averageWords <= 4 &&
		(chinese ? !/[，,。.!！?？]/.test(text) : grammar.share < 0.3)
	)
		return true;
	// Abbreviations of notes between short fragments (vs, w/, yrs, e.g.); in sentences, "30 yrs on
	// referrals means ur quality speaks for itself" is typed on a phone.
	if (fragments.length >= 4 && averageWords <= 4 && NOTE_WORDS.test(text.toLowerCase()))
		return true;
	if (person) return false;
	if ((text.match(CHINESE_SPACE) ?? []).length >= 2) return short;
	return fragments.length >= 4 && averageWords <= 2.5 && !/[.?!。？！]\s*$/.test(text);
}

/**
 * The same stretch said again, with or without punctuation between: the reply's opening (its first
 * 12 characters in Chinese, 24 letters otherwise, spaces aside) comes back later in it. Twelve
 * letters are three short words, which a sentence may well say twice ("You won't need the boss's
 * signature, and you won't need to write anything up").
 */
export function repeatsItself(compact: string): boolean {
	const openingLength = containsChinese(compact) ? 12 : 24;
	// Characters, not code units: the opening, and whether there are twice as many.
	let characters = 0;
	let openingEnd = 0;
	for (let i = 0; i < compact.length && characters < 2 * openingLength; characters++) {
		const code = compact.charCodeAt(i);
		const low = compact.charCodeAt(i + 1);
		i += code >= 0xd800 && code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
		if (characters + 1 === openingLength) openingEnd = i;
	}
	if (characters < 2 * openingLength) return false;
	const opening = compact.slice(0, openingEnd);
	return compact.indexOf(opening, opening.length) > 0;
}

function englishContentWords(folded: string): Set<string> {
	return new Set(
		[...folded.matchAll(/[a-z0-9]+(?:['’][a-z]+)*/g)]
			.map((m) => stem(m[0].replace(/['’].*$/, '')))
			.filter((word) => word.length >= 3 && !GRAMMAR_STEMS.has(word))
	);
}

function chinesePairs(folded: string): Set<string> {
	const chars = [...folded].filter((char) => /[\u3400-\u9fff]/.test(char));
	const pairs = new Set<string>();
	for (let i = 0; i + 1 < chars.length; i++) {
		if (!GRAMMAR_CHARS.has(chars[i]!) && !GRAMMAR_CHARS.has(chars[i + 1]!))
			pairs.add(chars[i]! + chars[i + 1]!);
	}
	return pairs;
}

const REFERENCE_TERMS = 2;

/**
 * Whether a reply takes up something of what the customer just said: two words of its subject (or,
 * in Chinese, two character pairs without a grammar character) in common. A pitch that would fit
 * any customer shares none.
 */
export function refersTo(
	reply: string,
	customerLine: string,
	terms: number = REFERENCE_TERMS,
	folded: string = foldForMatch(reply)
): boolean {
	const theirs = customerTerms(customerLine);
	const ours = theirs.chinese ? chinesePairs(folded) : englishContentWords(folded);
	let shared = 0;
	for (const item of ours) if (theirs.terms.has(item) && ++shared >= terms) return true;
	return false;
}

// A beat's customer line is the same on every reply to it: its terms are read once.
const customerLines = new Map<string, { chinese: boolean; terms: Set<string> }>();
const MAX_CUSTOMER_LINES = 5_000;

function customerTerms(line: string): { chinese: boolean; terms: Set<string> } {
	let read = customerLines.get(line);
	if (!read) {
		const said = foldForMatch(line);
		const chinese = containsChinese(said);
		read = { chinese, terms: chinese ? chinesePairs(said) : englishContentWords(said) };
		if (customerLines.size >= MAX_CUSTOMER_LINES) customerLines.clear();
		customerLines.set(line, read);
	}
	return read;
}

/** Sentences (or, unpunctuated, stretches between spaces in Chinese) that say mostly the same: Dice of their terms. */
const SAME_SENTENCE = 0.4;

/**
 * The same point said again in other words: two sentences of the reply with two in five of their
 * terms in common ("I understand. I really do understand, I totally understand"). Exact repeats
 * are caught anyway. The customer's words (`customerLine`) do not count: confirming the time he
 * gave and then the one booked (「禮拜三下午兩點以後 … 禮拜三下午兩點半打來」) says two things.
 */
const SENTENCE_ENDS_CHINESE = /[。！？!?；;\n]|\s+(?=[\u3400-\u9fff])/g;
const SENTENCE_ENDS = /[.!?;\n]+/g;

// A Chinese yes-no question (A不A) and the two pairs it is made of.
const YES_NO_QUESTIONS = [
	'有沒有',
	'是不是',
	'要不要',
	'會不會',
	'能不能',
	'好不好',
	'可不可',
	'對不對'
].map((question) => ({ question, pairs: [question.slice(0, 2), question.slice(1)] }));

/** `folded` is the reply folded for matching (foldForMatch), when the caller has it: it has the reply's length. */
export function restatesItself(
	reply: string,
	folded: string = foldForMatch(reply),
	words?: readonly Word[],
	customerLine?: string
): boolean {
	const theirs = customerLine ? customerTerms(customerLine).terms : undefined;
	// The reply's sentences, as split from the reply, each read from the folded reply (folding keeps
	// every position); in English, from its words when the caller has them (no word crosses a sentence's end).
	const chinese = containsChinese(reply);
	const sentences: Set<string>[] = [];
	let from = 0;
	const read = (to: number) => {
		const terms = termsOfFolded(
			folded.slice(from, to),
			chinese || !words ? undefined : wordsBetween(words, from, to)
		);
		if (theirs) for (const term of terms) if (theirs.has(term)) terms.delete(term);
		// The pairs of a Chinese yes-no question (有沒有, 是不是) say nothing of its subject: two
		// questions asked the same way (「有沒有人看 … 有沒有人來問」) are no point said twice.
		if (chinese) {
			for (const { question, pairs } of YES_NO_QUESTIONS)
				if (folded.slice(from, to).includes(question)) for (const pair of pairs) terms.delete(pair);
			// Nor do the pairs of 多少 (「有多少人看到 … 有多少人點開 … 有多少人寄」 walks down a funnel).
			if (folded.slice(from, to).includes('多少'))
				for (const term of terms) if (term === '多少' || term.startsWith('少')) terms.delete(term);
			// A Latin word in Chinese (LINE, CNC) is one word, not the several pairs of its letters:
			// naming it in two sentences (「您用 LINE 嗎？用 LINE 傳給我」) is no point said twice.
			for (const term of terms) if (/[a-z0-9]/.test(term)) terms.delete(term);
		}
		if (terms.size >= 3) sentences.push(terms);
	};
	for (const end of reply.matchAll(chinese ? SENTENCE_ENDS_CHINESE : SENTENCE_ENDS)) {
		read(end.index);
		from = end.index + end[0].length;
	}
	read(reply.length);
	for (let i = 0; i < sentences.length; i++) {
		for (let j = i + 1; j < sentences.length; j++) {
			const [a, b] = [sentences[i]!, sentences[j]!];
			let common = 0;
			for (const term of a) if (b.has(term)) common++;
			if ((2 * common) / (a.size + b.size) >= SAME_SENTENCE) return true;
		}
	}
	return false;
}

/** Clauses, and the share of them one word of substance must be in, for a reply to harp on it. */
// Figures recur in any sum (「第一年兩萬六千八，第二年兩萬四千一百二」): they are not harping.
const NUMERAL_CHARS: ReadonlySet<string> = new Set('零〇一二三四五六七八九十兩百千萬億半幾');
// …nor the units they come in ("year one is 26,800, year two 24,120, so 50,920 over two years").
const UNITS = new Set(
	[
		'year',
		'month',
		'week',
		'day',
		'hour',
		'minute',
		'time',
		'percent',
		'thousand',
		'hundred',
		'million'
	].map((unit) => stem(unit))
);
const HARP = { clauses: 3, share: 0.6 } as const;

const CLAUSE_ENDS_CHINESE = /[。！？!?；;，、\n]|,(?!\d)|\s+(?=[\u3400-\u9fff])/g;
const CLAUSE_ENDS = /[!?;\n]+|[.,](?!\d)/g;

// How a rep addresses or names the people on the call (林老闆, 王經理, 頭家): said in most clauses
// of a polite Chinese reply (「想找林老闆。想請教老闆…，請問老闆現在方便嗎？」), and no point harped on.
const ADDRESS_PAIRS: ReadonlySet<string> = new Set([
	'老闆',
	'闆娘',
	'經理',
	'先生',
	'小姐',
	'頭家',
	'董娘',
	'董事',
	'事長',
	'總經',
	'大哥',
	'大姐'
]);

/**
 * The same word of substance in most clauses (three or more): one point said over and over in other
 * words (「歹勢歹勢……真的歹勢……歹勢啦」, "I understand … I really do understand … I understand").
 * Words of grammar do not count, nor figures and their units, nor forms of address (老闆、經理),
 * nor the words of the customer's line (`customerLine`). `folded` is the reply folded for matching
 * (foldForMatch).
 */
export function harpsOn(folded: string, words?: readonly Word[], customerLine?: string): boolean {
	// What the customer talked about is the subject of the call, not a point harped on: a reply that
	// works through his own orders says "order" in most clauses ("one order a month … two orders …
	// how many orders").
	const theirs = customerLine ? customerTerms(customerLine).terms : undefined;
	// Each clause as the set of its words of substance, from the reply already folded (foldForMatch);
	// in English from its words (latinWords) when the caller has them: no word crosses a clause's end.
	const chinese = containsChinese(folded);
	const clauses: Set<string>[] = [];
	// Not the comma or point inside a figure (26,800; 1.2).
	const ends = [...folded.matchAll(chinese ? CLAUSE_ENDS_CHINESE : CLAUSE_ENDS)];
	for (let k = 0, from = 0; k <= ends.length; k++) {
		const to = k < ends.length ? ends[k]!.index : folded.length;
		const clauseFrom = from;
		if (k < ends.length) from = to + ends[k]![0].length;
		const terms = new Set<string>();
		if (chinese) {
			// Neighbouring Chinese characters (others skipped), read by code unit: no array of characters made per clause.
			let previous = '';
			for (let i = clauseFrom; i < to; i++) {
				const code = folded.charCodeAt(i);
				if (code < 0x3400 || code > 0x9fff) continue;
				const char = folded[i]!;
				const plain = !GRAMMAR_CHARS.has(char) && !NUMERAL_CHARS.has(char);
				if (plain && previous && !ADDRESS_PAIRS.has(previous + char)) terms.add(previous + char);
				previous = plain ? char : '';
			}
		} else {
			for (const word of words
				? wordsBetween(words, clauseFrom, to)
				: latinWords(folded.slice(clauseFrom, to)))
				if (
					word.stem.length >= 3 &&
					!GRAMMAR_STEMS.has(word.stem) &&
					!UNITS.has(word.stem) &&
					!/\d/.test(word.stem)
				)
					terms.add(word.stem);
		}
		if (theirs) for (const term of terms) if (theirs.has(term)) terms.delete(term);
		if (terms.size > 0) clauses.push(terms);
	}
	if (clauses.length < HARP.clauses) return false;
	const counts = new Map<string, number>();
	for (const terms of clauses)
		for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
	for (const count of counts.values())
		if (count >= HARP.clauses && count >= clauses.length * HARP.share) return true;
	return false;
}
