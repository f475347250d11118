import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { CONTENT_KINDS, CONTENT_LOCALES, type ContentKind } from '$lib/engine/content/kinds';
import type {
	CodedProblem,
	FieldPath,
	ProblemCode,
	ProblemValues
} from '$lib/engine/content/problems';
import { placeOf, type Place } from './field-names';

/**
 * What the studio says about a problem the checker found: from its code and values, in the
 * trainer's language, naming the beat and the field as the form shows them, and saying what to do.
 * The checker's English `message` is for `content:check`; nothing here reads it.
 */

const KINDS: Record<
	ContentKind,
	(inputs: Record<string, never>, options: { locale: Locale }) => string
> = {
	script: m.studio_pt_kind_script,
	article: m.studio_pt_kind_article,
	scenario: m.studio_pt_kind_scenario,
	rubric: m.studio_pt_kind_rubric,
	curriculum: m.studio_pt_kind_curriculum,
	quiz: m.studio_pt_kind_quiz,
	lexicon: m.studio_pt_kind_lexicon,
	series: m.studio_pt_kind_series
};

const SHAPES: Record<
	ProblemValues['form-wrong-shape']['expected'],
	(inputs: Record<string, never>, options: { locale: Locale }) => string
> = {
	text: m.studio_pt_shape_text,
	'a number': m.studio_pt_shape_number,
	'true or false': m.studio_pt_shape_flag,
	'a list': m.studio_pt_shape_list,
	'a set of fields': m.studio_pt_shape_fields
};

const OUTCOMES: Record<
	string,
	(inputs: Record<string, never>, options: { locale: Locale }) => string
> = {
	won: m.practice_status_won,
	lost: m.practice_status_lost,
	neutral: m.practice_status_neutral,
	timeout: m.practice_status_timeout
};

/** English starts a sentence with a capital; a sentence that follows "In the beat …," does not. */
const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const list = (items: readonly string[], locale: Locale): string =>
	items.join(locale === 'zh-TW' ? '、' : ', ');
const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
const percent = (score: number): number => Math.round(score * 100);

type Say<C extends ProblemCode> = (values: ProblemValues[C], locale: Locale) => string;

/** A sentence about a field: `what` says what is wrong with it, after where it is. */
function aboutField(
	path: FieldPath,
	locale: Locale,
	what: (place: Place) => string,
	options?: { beatName?: boolean }
): string {
	const place = placeOf(path, locale, options);
	const text = what(place);
	return place.where ? m.studio_pt_at({ where: place.where, text }, { locale }) : sentence(text);
}

/** A sentence that names its own subject ("the cue cites …"), said at a field, or inside it. */
function atField(path: FieldPath, locale: Locale, text: string, { inside = false } = {}): string {
	const place = placeOf(path, locale);
	const where = inside ? place.inside : place.where;
	return where ? m.studio_pt_at({ where, text }, { locale }) : sentence(text);
}

const fill = (place: Place, locale: Locale): string =>
	place.entry
		? m.studio_pt_write_entry({ field: place.field }, { locale })
		: place.choose
			? m.studio_pt_choose({ field: place.field }, { locale })
			: m.studio_pt_write({ field: place.field }, { locale });

const TEXTS: { [C in ProblemCode]: Say<C> } = {
	'file-place': (_, locale) => m.studio_pt_file_place({}, { locale }),
	'file-locale': ({ locale: folder }, locale) =>
		m.studio_pt_file_locale({ locale: folder, locales: list(CONTENT_LOCALES, locale) }, { locale }),
	'file-folder': ({ folder }, locale) =>
		m.studio_pt_file_folder(
			{
				folder,
				folders: list(
					Object.values(CONTENT_KINDS).map((kind) => kind.folder),
					locale
				)
			},
			{ locale }
		),
	'file-extension': (values, locale) => m.studio_pt_file_extension(values, { locale }),
	'file-too-long': ({ limit, length }, locale) =>
		m.studio_pt_file_too_long(
			{ limit: limit.toLocaleString(locale), length: length.toLocaleString(locale) },
			{ locale }
		),
	'front-matter-missing': (_, locale) => m.studio_pt_front_matter({}, { locale }),
	'markdown-too-deep': (values, locale) => m.studio_pt_markdown_deep(values, { locale }),
	'article-no-body': (_, locale) => m.studio_pt_no_body({}, { locale }),
	'id-not-file-name': (values, locale) => m.studio_pt_id_not_file(values, { locale }),

	'yaml-indent': (_, locale) => m.studio_pt_yaml_indent({}, { locale }),
	'yaml-tab': (_, locale) => m.studio_pt_yaml_tab({}, { locale }),
	'yaml-duplicate-key': (values, locale) => m.studio_pt_yaml_duplicate_key(values, { locale }),
	'yaml-unclosed-quote': (values, locale) => m.studio_pt_yaml_unclosed_quote(values, { locale }),
	'yaml-unclosed-bracket': (values, locale) =>
		m.studio_pt_yaml_unclosed_bracket(values, { locale }),
	'yaml-colon': (_, locale) => m.studio_pt_yaml_colon({}, { locale }),
	'yaml-reserved-start': (values, locale) => m.studio_pt_yaml_reserved_start(values, { locale }),
	'yaml-aliases': (_, locale) => m.studio_pt_yaml_aliases({}, { locale }),
	yaml: (values, locale) => m.studio_pt_yaml(values, { locale }),

	required: ({ path }, locale) => aboutField(path, locale, (place) => fill(place, locale)),
	empty: ({ path }, locale) =>
		aboutField(path, locale, (place) => fill(place, locale), { beatName: true }),
	'too-long': ({ path, limit }, locale) =>
		aboutField(path, locale, ({ field }) => m.studio_pt_too_long({ field, limit }, { locale }), {
			beatName: true
		}),
	'not-text': ({ path }, locale) =>
		aboutField(path, locale, ({ field }) => m.studio_pt_not_text({ field }, { locale })),
	'not-list': ({ path }, locale) =>
		aboutField(path, locale, ({ field }) => m.studio_pt_not_list({ field }, { locale })),
	'not-fields': ({ path }, locale) =>
		aboutField(path, locale, ({ field }) => m.studio_pt_not_fields({ field }, { locale })),
	'not-number': ({ path }, locale) =>
		aboutField(path, locale, ({ field }) => m.studio_pt_not_number({ field }, { locale })),
	'not-whole-number': ({ path }, locale) =>
		aboutField(path, locale, ({ field }) => m.studio_pt_not_whole_number({ field }, { locale })),
	'not-flag': ({ path }, locale) =>
		aboutField(path, locale, ({ field }) => m.studio_pt_not_flag({ field }, { locale })),
	'too-small': ({ path, min }, locale) =>
		aboutField(path, locale, ({ field }) => m.studio_pt_too_small({ field, min }, { locale })),
	'too-large': ({ path, max }, locale) =>
		aboutField(path, locale, ({ field }) => m.studio_pt_too_large({ field, max }, { locale })),
	'too-few': ({ path, min }, locale) =>
		aboutField(path, locale, ({ field }) => m.studio_pt_too_few({ field, min }, { locale })),
	'too-many': ({ path, max }, locale) =>
		aboutField(path, locale, ({ field }) => m.studio_pt_too_many({ field, max }, { locale })),
	'not-one-of': ({ path, allowed }, locale) =>
		aboutField(path, locale, ({ field }) =>
			m.studio_pt_not_one_of({ field, allowed: list(allowed, locale) }, { locale })
		),
	// The field's own key, quoted: it is no field the form knows.
	'unknown-field': ({ path }, locale) =>
		atField(
			path.slice(0, -1),
			locale,
			m.studio_pt_unknown_field(
				{ field: m.studio_pt_quoted({ text: String(path.at(-1) ?? '') }, { locale }) },
				{ locale }
			),
			{ inside: true }
		),
	'id-format': ({ path }, locale) =>
		aboutField(path, locale, ({ field }) => m.studio_pt_id_format({ field }, { locale }), {
			beatName: true
		}),
	'answer-past-options': ({ path }, locale) =>
		aboutField(path, locale, ({ field }) => m.studio_pt_answer_past_options({ field }, { locale })),
	'class-past-classes': ({ path }, locale) =>
		atField(path.slice(0, -1), locale, m.studio_pt_class_past_classes({}, { locale }), {
			inside: true
		}),
	schema: ({ path, detail }, locale) =>
		aboutField(path, locale, ({ field }) => m.studio_pt_schema({ field, detail }, { locale })),

	'missing-reference': ({ path, kind, id }, locale) =>
		atField(
			path,
			locale,
			m.studio_pt_missing_reference({ kind: KINDS[kind]({}, { locale }), id }, { locale })
		),
	'fact-form': ({ path, phrase }, locale) =>
		aboutField(path, locale, ({ field }) => m.studio_pt_fact_form({ field, phrase }, { locale })),
	'missing-intent': ({ path, intent }, locale) =>
		atField(path, locale, m.studio_pt_missing_intent({ intent }, { locale })),
	'duplicate-lexicon-id': ({ list: which, id, elsewhere }, locale) =>
		which === 'intents'
			? elsewhere === null
				? m.studio_pt_duplicate_intent({ id }, { locale })
				: m.studio_pt_duplicate_intent_elsewhere({ id, elsewhere }, { locale })
			: elsewhere === null
				? m.studio_pt_duplicate_rule({ id }, { locale })
				: m.studio_pt_duplicate_rule_elsewhere({ id, elsewhere }, { locale }),
	'intent-still-cited': ({ intent, citing }, locale) => {
		const named = citing.map((kindAndId) => {
			const [kind, id] = kindAndId.split(':') as [ContentKind, string];
			return m.studio_pt_named({ kind: KINDS[kind]?.({}, { locale }) ?? kind, id }, { locale });
		});
		return m.studio_pt_intent_still_cited({ intent, citing: list(named, locale) }, { locale });
	},

	'start-missing': (values, locale) => m.studio_pt_start_missing(values, { locale }),
	'ending-extras': (values, locale) => m.studio_pt_ending_extras(values, { locale }),
	'no-rules': (values, locale) => m.studio_pt_no_rules(values, { locale }),
	'goto-missing': (values, locale) => m.studio_pt_goto_missing(values, { locale }),
	'choice-missing': (values, locale) => m.studio_pt_choice_missing(values, { locale }),
	'last-rule': (values, locale) => m.studio_pt_last_rule(values, { locale }),
	criterion: (values, locale) => m.studio_pt_criterion(values, { locale }),
	unreachable: (values, locale) => m.studio_pt_unreachable(values, { locale }),
	'dead-end': (values, locale) => m.studio_pt_dead_end(values, { locale }),
	'no-won': (_, locale) => m.studio_pt_no_won({}, { locale }),
	'series-fact-unset': (values, locale) => m.studio_pt_series_fact_unset(values, { locale }),
	'series-call-unreachable': (values, locale) =>
		m.studio_pt_series_call_unreachable(values, { locale }),
	'series-fact-no-note': (values, locale) => m.studio_pt_series_fact_no_note(values, { locale }),
	'series-unknown-fact': ({ list, item, fact, value }, locale) =>
		value === null
			? m.studio_pt_series_unknown_fact({ list, item, fact }, { locale })
			: m.studio_pt_series_unknown_fact_value({ list, item, fact, value }, { locale }),
	'series-promise-by': (values, locale) => m.studio_pt_series_promise_by(values, { locale }),
	'series-good-fails': ({ call, scenario, ended, beats, broken }, locale) =>
		broken.length > 0
			? m.studio_pt_series_good_broke({ promises: broken.join(', ') }, { locale })
			: ended === null
				? m.studio_pt_series_good_ran_out({ call, scenario, beat: beats.at(-1) ?? '' }, { locale })
				: m.studio_pt_series_good_fails(
						{ call, scenario, ended, path: beats.join(' → ') },
						{ locale }
					),
	'series-bad-wins': (_, locale) => m.studio_pt_series_bad_wins({}, { locale }),
	'good-fails': ({ pass, score, beats, ended }, locale) => {
		const shared = {
			pass,
			score: Math.round(score),
			beat: beats.at(-1) ?? '',
			path: beats.join(' → ')
		};
		return ended === null
			? m.studio_pt_good_fails_ran_out(shared, { locale })
			: m.studio_pt_good_fails_ended(
					{ ...shared, outcome: OUTCOMES[ended]?.({}, { locale }) ?? ended },
					{ locale }
				);
	},
	'bad-passes': ({ score, beats }, locale) =>
		m.studio_pt_bad_passes({ score: Math.round(score), path: beats.join(' → ') }, { locale }),

	'good-example-low': ({ beat, reply, score, passLine }, locale) =>
		m.studio_pt_good_example_low(
			{ beat, reply: clip(reply), score: percent(score), passLine: percent(passLine) },
			{ locale }
		),
	'bad-example-high': ({ beat, reply, score, passLine }, locale) =>
		m.studio_pt_bad_example_high(
			{ beat, reply: clip(reply), score: percent(score), passLine: percent(passLine) },
			{ locale }
		),
	'longest-choice': ({ beats, outOf }, locale) =>
		m.studio_pt_longest_choice(
			{ count: beats.length, outOf, beats: list(beats, locale) },
			{ locale }
		),
	placeholder: ({ text }, locale) => m.studio_pt_placeholder({ text }, { locale }),
	'cue-too-general': ({ beat, point, cue, phrase, reply }, locale) =>
		phrase === null
			? m.studio_pt_cue_too_general({ beat, point, cue, reply: clip(reply) }, { locale })
			: m.studio_pt_cue_phrase_too_general(
					{ beat, point, cue, phrase, reply: clip(reply) },
					{ locale }
				),

	'zip-no-file': (_, locale) => m.studio_pt_zip_no_file({}, { locale }),
	'zip-not-zip': (_, locale) => m.studio_pt_zip_not_zip({}, { locale }),
	'zip-too-many-files': (values, locale) => m.studio_pt_zip_too_many_files(values, { locale }),
	'zip-entry-too-large': ({ file, limit }, locale) =>
		m.studio_pt_zip_entry_too_large({ file, limit: Math.round(limit / 1000) }, { locale }),
	'zip-too-large': ({ limit }, locale) =>
		m.studio_pt_zip_too_large({ limit: Math.round(limit / 1024 / 1024) }, { locale }),
	'zip-twice': (_, locale) => m.studio_pt_zip_twice({}, { locale }),
	'zip-empty': (_, locale) => m.studio_pt_zip_empty({}, { locale }),

	'form-wrong-shape': ({ path, expected }, locale) =>
		aboutField(path, locale, ({ field }) =>
			m.studio_pt_form_wrong_shape(
				{ field, expected: SHAPES[expected]({}, { locale }) },
				{ locale }
			)
		)
};

/** The studio's text for a problem or warning of the checker, in `locale` (the page's language by default). */
/** How the trainer calls each beat of the scenario being edited (its name, else its id): see beatLabel. */
export type BeatNames = (id: string) => string;

/** The problem's values with each beat it names called as the trainer calls it. */
function withBeatNames(
	values: CodedProblem['values'],
	beatName: BeatNames
): CodedProblem['values'] {
	const named: Record<string, unknown> = { ...values };
	if (typeof named.beat === 'string') named.beat = beatName(named.beat);
	if (typeof named.goto === 'string') named.goto = beatName(named.goto);
	if (Array.isArray(named.beats))
		named.beats = named.beats.map((id) => (typeof id === 'string' ? beatName(id) : id));
	const path = named.path;
	if (Array.isArray(path) && path[0] === 'beats' && typeof path[1] === 'string')
		named.path = ['beats', beatName(path[1]), ...path.slice(2)];
	return named as CodedProblem['values'];
}

export function problemText(
	problem: CodedProblem,
	locale: Locale = getLocale(),
	beatName?: BeatNames
): string {
	// The code decides the values' type; TypeScript does not follow that through the union.
	const say = TEXTS[problem.code] as (values: CodedProblem['values'], locale: Locale) => string;
	return say(beatName ? withBeatNames(problem.values, beatName) : problem.values, locale);
}
