import * as v from 'valibot';
import { MAX_EXAMPLES, MAX_TRIES } from './limits';
import { EVIDENCE_STRENGTHS } from '../coaching/deal-terms';

/**
 * The shapes of every content kind. Each schema's key order is the order an exported file is
 * written in, so export → sync → export gives identical files.
 */

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const contentId = v.pipe(v.string('must be text'), v.regex(ID_PATTERN, 'must be kebab-case: lower-case letters, digits and hyphens'), v.maxLength(80, 'must be at most 80 characters'));
const text = (max = 500) => v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const idList = v.array(contentId, 'must be a list of ids');

export const SCRIPT_CATEGORIES = ['price', 'competitor', 'results', 'timing', 'authority', 'need', 'trust', 'brush-off'] as const;
export type ScriptCategory = (typeof SCRIPT_CATEGORIES)[number];
export const TECHNIQUES = ['acknowledge', 'ask', 'evidence', 'reframe', 'next-step'] as const;
export type Technique = (typeof TECHNIQUES)[number];
export const ARTICLE_CATEGORIES = ['product', 'company', 'industry-chain', 'competitors', 'customer-needs', 'trends', 'rules'] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];

const oneOf = <T extends readonly string[]>(values: T) => v.picklist(values, `must be one of: ${values.join(', ')}`);

export const scriptSchema = v.strictObject({
	id: contentId,
	title: text(200),
	category: oneOf(SCRIPT_CATEGORIES),
	objection: text(500),
	variants: v.pipe(v.array(text(500), 'must be a list'), v.minLength(1, 'needs at least one variant'), v.maxLength(12, 'has more than 12 variants')),
	answers: v.pipe(
		v.array(
			v.strictObject({
				text: text(2000),
				techniques: v.pipe(v.array(oneOf(TECHNIQUES), 'must be a list'), v.minLength(1, 'needs at least one technique')),
				why: text(1000)
			}),
			'must be a list'
		),
		v.minLength(2, 'needs at least two recommended answers'),
		v.maxLength(6, 'has more than 6 answers')
	),
	mistakes: v.pipe(v.array(text(1000), 'must be a list'), v.minLength(1, 'needs at least one mistake to avoid')),
	knowledge: v.optional(idList, [])
});
export type Script = v.InferOutput<typeof scriptSchema>;

export const articleSchema = v.strictObject({
	id: contentId,
	title: text(200),
	category: oneOf(ARTICLE_CATEGORIES),
	summary: text(500),
	scripts: v.optional(idList, [])
});
export type Article = v.InferOutput<typeof articleSchema>;

const anchors = v.strictObject({ 1: text(500), 2: text(500), 3: text(500), 4: text(500), 5: text(500) }, 'must give an anchor for each score 1 to 5');

export const rubricSchema = v.strictObject({
	id: contentId,
	title: text(200),
	criteria: v.pipe(
		v.array(
			v.strictObject({
				id: contentId,
				title: text(200),
				weight: v.pipe(v.number('must be a number'), v.minValue(0.1, 'must be positive'), v.maxValue(100, 'must be at most 100')),
				anchors
			}),
			'must be a list'
		),
		v.minLength(1, 'needs at least one criterion')
	)
});
export type Rubric = v.InferOutput<typeof rubricSchema>;

const keyPoint = v.strictObject({
	point: text(300),
	criterion: v.optional(contentId),
	weight: v.optional(v.pipe(v.number('must be a number'), v.minValue(0.1, 'must be positive'), v.maxValue(10, 'must be at most 10')), 1),
	cues: v.pipe(v.array(text(100), 'must be a list'), v.minLength(1, 'needs at least one cue'))
});
const pitfall = v.strictObject({
	point: text(300),
	penalty: v.optional(v.pipe(v.number('must be a number'), v.minValue(0.1, 'must be positive'), v.maxValue(10, 'must be at most 10')), 1),
	cues: v.pipe(v.array(text(100), 'must be a list'), v.minLength(1, 'needs at least one cue'))
});
/**
 * Facts: what the rep achieved or promised in one call of a series, which later calls read
 * (`material-sent: false`, `decision-maker: 林總`). A value is true, false or a short text.
 */
export const factValue = v.union([v.boolean(), v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))], 'must be true, false or a text of at most 100 characters');
export type FactValue = v.InferOutput<typeof factValue>;
const facts = v.record(contentId, factValue, 'must map fact ids to values');
const rule = v.strictObject({
	minScore: v.optional(v.pipe(v.number('must be a number'), v.minValue(0, 'must be 0 to 1'), v.maxValue(1, 'must be 0 to 1'))),
	maxTries: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'), v.maxValue(MAX_TRIES, `must be at most ${MAX_TRIES}`))),
	choice: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'))),
	/** Holds only while every fact named has the value given (a fact not set yet has none). */
	when: v.optional(facts),
	goto: contentId,
	say: v.optional(text(500)),
	/** Facts the rule records when it is taken: what later calls of a series read. */
	set: v.optional(facts)
});
export const ENDINGS = ['won', 'lost', 'neutral'] as const;
// Each example is a turn of the playtest, scored against every earlier one: a few dozen make the point.
const examples = v.pipe(v.array(text(2000), 'must be a list'), v.maxLength(MAX_EXAMPLES, `has more than ${MAX_EXAMPLES} examples`));
export const MAX_BEAT_NAME = 80;
const beat = v.strictObject({
	// What the studio calls the beat, in any language ("需要問老闆"); the key stays the id rules point at.
	name: v.optional(text(MAX_BEAT_NAME)),
	/**
	 * Marks a difficulty a live interviewer may pick next, whatever the rules say (a category of the
	 * script library names its kind). Its `customer` line is the firm one; `variants` when
	 * `level: mild` or `level: hard` give the other levels (see scenario/difficulties).
	 */
	difficulty: v.optional(oneOf(SCRIPT_CATEGORIES)),
	customer: text(1000),
	/** The customer's line in other words while facts hold; the first that holds wins, else `customer`. */
	variants: v.optional(v.array(v.strictObject({ when: facts, line: text(1000) }), 'must be a list')),
	end: v.optional(oneOf(ENDINGS)),
	script: v.optional(contentId),
	expect: v.optional(v.array(keyPoint, 'must be a list'), []),
	avoid: v.optional(v.array(pitfall, 'must be a list'), []),
	choices: v.optional(v.array(v.strictObject({ text: text(500), quality: oneOf(['good', 'ok', 'bad'] as const) }), 'must be a list'), []),
	next: v.optional(v.array(rule, 'must be a list'), []),
	// Replies to this line alone, as a trainer graded them: model answers and counter-examples for
	// the score (closeness), checked against the line's pass line. Accepted score marks land here.
	examples: v.optional(v.strictObject({ good: v.optional(examples, []), bad: v.optional(examples, []) }), { good: [], bad: [] })
});
export const scenarioSchema = v.strictObject({
	id: contentId,
	title: text(200),
	/** What the rep is to achieve on the call, said on its start page (a scenario may have none). */
	objective: v.optional(text(500)),
	persona: v.strictObject({ name: text(100), role: text(100), company: text(200), mood: v.optional(text(100)) }),
	/**
	 * The candidate sells the product they sold before, not ours: in an interview they name it, and
	 * nothing about our product is assessed (the handbook's role-play).
	 */
	formerProduct: v.optional(v.literal(true, 'must be true, or left out')),
	difficulty: v.optional(oneOf(['easy', 'medium', 'hard'] as const), 'medium'),
	minutes: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be 1 to 30'), v.maxValue(30, 'must be 1 to 30')),
	pass: v.pipe(v.number('must be a number'), v.minValue(0, 'must be 0 to 100'), v.maxValue(100, 'must be 0 to 100')),
	rubric: v.optional(contentId),
	criteria: v.optional(idList, []),
	start: contentId,
	beats: v.record(contentId, beat, 'must map beat ids to beats'),
	examples: v.optional(v.strictObject({ good: v.optional(examples, []), bad: v.optional(examples, []) }), { good: [], bad: [] })
});
export type Scenario = v.InferOutput<typeof scenarioSchema>;

export const MAX_SERIES_CALLS = 20;
/**
 * A test on the facts, for a series' promises and evidence: a fact id holds once the fact is set to
 * anything but false (`trial-started`); facts with values hold while each has its value, as a
 * rule's `when` (`{ catalogue-sent: false }`: promised, not sent yet).
 */
const factTest = v.union([contentId, v.pipe(facts, v.check((when) => Object.keys(when).length > 0, 'must name at least one fact'))], 'must be a fact id, or facts with their values');
/**
 * A series: calls with the same customer, in order, each a scenario. Between calls some days pass
 * and something happens meanwhile; the facts the calls set are shown to the rep as call notes,
 * worded here: a fact's note is one text (`{value}` stands for its value) or a text per value.
 */
export const seriesSchema = v.strictObject({
	id: contentId,
	title: text(200),
	objective: v.optional(text(500)),
	persona: v.strictObject({ name: text(100), role: text(100), company: text(200), mood: v.optional(text(100)) }),
	calls: v.pipe(
		v.array(
			v.strictObject({
				scenario: contentId,
				daysAfter: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'must be 0 to 365'), v.maxValue(365, 'must be 0 to 365')), 0),
				meanwhile: v.optional(text(1000)),
				/**
				 * The playtest bots' replies for this call as the series plays it (with the facts of
				 * the calls before it, the call may take another path than alone); each list
				 * defaults to the scenario's own examples.
				 */
				examples: v.optional(v.strictObject({ good: v.optional(examples), bad: v.optional(examples) }))
			}),
			'must be a list'
		),
		v.minLength(2, 'a series needs at least two calls'),
		v.maxLength(MAX_SERIES_CALLS, `has more than ${MAX_SERIES_CALLS} calls`)
	),
	notes: v.optional(v.record(contentId, v.union([text(300), v.record(v.string(), text(300))], 'must be a text, or a text for each value'), 'must map fact ids to notes'), {}),
	/** What a rep can promise in one call and must keep in a later one: see `factTest` for `made` and `kept`. */
	promises: v.optional(
		v.array(
			v.strictObject({
				id: contentId,
				made: factTest,
				kept: factTest,
				/** The call (counting from 1) by whose end it must be kept; by default the call after the one it was made in. */
				by: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(2, 'must be a call from 2 on'), v.maxValue(MAX_SERIES_CALLS, `must be at most ${MAX_SERIES_CALLS}`))),
				label: text(200)
			}),
			'must be a list'
		),
		[]
	),
	/** The deal-coaching (抓單) scale: facts that are objective evidence the deal will close, each with its strength. */
	evidence: v.optional(v.array(v.strictObject({ fact: factTest, strength: oneOf(EVIDENCE_STRENGTHS), label: text(200) }), 'must be a list'), [])
});
export type Series = v.InferOutput<typeof seriesSchema>;
export type FactTest = v.InferOutput<typeof factTest>;

/** How a cue cites an intent of the lexicon: `@ask-when-boss-in`. */
export const INTENT_PREFIX = '@';
export const MAX_INTENTS = 200;
export const MAX_PHRASES = 200;

/**
 * A lexicon: named intents (asking when the boss is in, a payback figure, booking a time …), each
 * with the many ways people say it. Key points and pitfalls cite an intent among their cues, so a
 * phrasing added here counts on every beat that cites it, in this language.
 */
const penaltyOf = v.optional(v.pipe(v.number('must be a number'), v.minValue(0.1, 'must be positive'), v.maxValue(10, 'must be at most 10')), 1);
export const MAX_RULES = 50;
export const lexiconSchema = v.strictObject({
	id: contentId,
	title: text(200),
	intents: v.optional(
		v.pipe(
			v.array(
				v.strictObject({
					id: contentId,
					meaning: text(200),
					phrases: v.pipe(v.array(text(100), 'must be a list'), v.minLength(1, 'needs at least one phrase'), v.maxLength(MAX_PHRASES, `has more than ${MAX_PHRASES} phrases`))
				}),
				'must be a list'
			),
			v.maxLength(MAX_INTENTS, `has more than ${MAX_INTENTS} intents`)
		),
		[]
	),
	/**
	 * The company's rules, pitfalls on every beat of this language: what breaking one is called, what
	 * it costs, the cues that break it (intents and gaps allowed), and the words near a cue that make
	 * it no finding (the allowed two-year offer beside a discount). A rude rule also takes away the
	 * question and the acknowledgement a reply would earn: an insult is neither.
	 */
	rules: v.optional(
		v.pipe(
			v.array(
				v.strictObject({
					id: contentId,
					point: text(300),
					penalty: penaltyOf,
					cues: v.pipe(v.array(text(100), 'must be a list'), v.minLength(1, 'needs at least one cue'), v.maxLength(MAX_PHRASES, `has more than ${MAX_PHRASES} cues`)),
					unless: v.optional(v.pipe(v.array(text(100), 'must be a list'), v.maxLength(MAX_PHRASES, `has more than ${MAX_PHRASES} phrases`)), []),
					rude: v.optional(v.boolean('must be true or false'), false),
					// A rule about this company's own offer: not applied where a candidate sells their former product.
					ourOffer: v.optional(v.boolean('must be true or false'), false),
					// A wrong move only at some moments: off on a beat whose key points cite one of these intents, or
					// whose customer line says one of these phrases; on only where the customer line says one of these.
					offWhereExpected: v.optional(v.pipe(v.array(contentId, 'must be a list'), v.maxLength(MAX_PHRASES, `has more than ${MAX_PHRASES} intents`)), []),
					offWhenCustomerSays: v.optional(v.pipe(v.array(text(100), 'must be a list'), v.maxLength(MAX_PHRASES, `has more than ${MAX_PHRASES} phrases`)), []),
					onlyWhenCustomerSays: v.optional(v.pipe(v.array(text(100), 'must be a list'), v.maxLength(MAX_PHRASES, `has more than ${MAX_PHRASES} phrases`)), []),
					// Broken only by a reply that shows none of these habits (a farewell with no question and no next step gives up the call).
					onlyWithout: v.optional(v.array(oneOf(['question', 'acknowledge', 'concrete', 'next-step'] as const), 'must be a list'), [])
				}),
				'must be a list'
			),
			v.maxLength(MAX_RULES, `has more than ${MAX_RULES} rules`)
		),
		[]
	)
});
export type Lexicon = v.InferOutput<typeof lexiconSchema>;

export const MODULE_TYPES = ['read', 'scripts', 'quiz', 'drill', 'scenario', 'signoff', 'series'] as const;
export type ModuleType = (typeof MODULE_TYPES)[number];
/** What a module's items are: articles to read, script entries to study, quizzes, scenarios or series to play. */
export const MODULE_ITEM_KIND = { read: 'article', scripts: 'script', quiz: 'quiz', drill: 'scenario', scenario: 'scenario', signoff: 'scenario', series: 'series' } as const satisfies Record<ModuleType, string>;
export const PRACTICE_MODES = ['choice', 'text', 'voice'] as const;
export const curriculumSchema = v.strictObject({
	id: contentId,
	title: text(200),
	days: v.pipe(
		v.array(
			v.strictObject({
				title: text(200),
				modules: v.pipe(
					v.array(
						v.strictObject({
							type: oneOf(MODULE_TYPES),
							title: text(200),
							items: v.optional(idList, []),
							mode: v.optional(oneOf(PRACTICE_MODES)),
							pass: v.optional(v.pipe(v.number('must be a number'), v.minValue(0, 'must be 0 to 100'), v.maxValue(100, 'must be 0 to 100'))),
							rubric: v.optional(contentId)
						}),
						'must be a list'
					),
					v.minLength(1, 'a day needs at least one module')
				)
			}),
			'must be a list'
		),
		v.minLength(3, 'a programme has 3 to 5 days'),
		v.maxLength(5, 'a programme has 3 to 5 days')
	)
});
export type Curriculum = v.InferOutput<typeof curriculumSchema>;

const quizItem = v.variant('type', [
	v.pipe(
		v.strictObject({
			type: v.literal('choice'),
			question: text(1000),
			options: v.pipe(v.array(text(500)), v.minLength(2, 'needs at least two options')),
			answer: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'counts options from 1')),
			explanation: text(2000)
		}),
		v.forward(
			v.check((item) => item.answer <= item.options.length, 'points past the last option'),
			['answer']
		)
	),
	v.strictObject({
		type: v.literal('order'),
		question: text(1000),
		items: v.pipe(v.array(text(500)), v.minLength(2, 'needs at least two items')),
		explanation: text(2000)
	}),
	v.pipe(
		v.strictObject({
			type: v.literal('classify'),
			question: text(1000),
			classes: v.pipe(v.array(text(200)), v.minLength(2, 'needs at least two classes')),
			statements: v.pipe(
				v.array(v.strictObject({ text: text(500), class: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'counts classes from 1')) })),
				v.minLength(1, 'needs at least one statement')
			),
			explanation: text(2000)
		}),
		v.forward(
			v.check((item) => item.statements.every((statement) => statement.class <= item.classes.length), 'a statement points past the last class'),
			['statements']
		)
	)
], 'type must be one of: choice, order, classify');
export const quizSchema = v.strictObject({
	id: contentId,
	title: text(200),
	pass: v.optional(v.pipe(v.number('must be a number'), v.minValue(0), v.maxValue(100)), 80),
	items: v.pipe(v.array(quizItem, 'must be a list'), v.minLength(1, 'needs at least one item'))
});
export type Quiz = v.InferOutput<typeof quizSchema>;
