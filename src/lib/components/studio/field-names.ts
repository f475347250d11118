import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { FieldPath } from '$lib/engine/content/problems';

/**
 * A field of a content file named as the studio's form shows it, for sentences about problems:
 * where it is ("In key point 2 of the beat “price”") and what it is ("the cues"), in running text.
 * Paths are matched as patterns: `*` for a beat's id, `#` for a position in a list. One table for
 * every kind: where two kinds share a field name they mean the same thing (a title, a pass mark).
 */

type Message = (inputs: Record<string, never>, options: { locale: Locale }) => string;
type Numbered = (inputs: { n: number }, options: { locale: Locale }) => string;

interface FieldName {
	say: (locale: Locale) => string;
	/** Filled in by choosing (a select), not by writing. */
	choose: boolean;
}

/** A field with a name of its own in running text ("what the customer says"). */
const named = (message: Message, choose = false): FieldName => ({
	say: (locale) => message({}, { locale }),
	choose
});
/** A field called by its label in the form, quoted (“Why it works”). */
const labelled = (label: Message, choose = false): FieldName => ({
	say: (locale) => m.studio_pt_quoted({ text: label({}, { locale }) }, { locale }),
	choose
});

// Lists whose entries the form shows as numbered parts with fields of their own.
const PARTS: Record<string, Numbered> = {
	'beats.*.expect.#': m.studio_pt_part_key_point,
	'beats.*.avoid.#': m.studio_pt_part_pitfall,
	'beats.*.choices.#': m.studio_pt_part_choice,
	'beats.*.next.#': m.studio_pt_part_rule,
	'answers.#': m.studio_pt_part_answer,
	'criteria.#': m.studio_pt_part_criterion,
	'items.#': m.studio_pt_part_question,
	'items.#.statements.#': m.studio_pt_part_statement,
	'days.#': m.studio_pt_part_day,
	'days.#.modules.#': m.studio_pt_part_module,
	'intents.#': m.studio_pt_part_intent,
	'rules.#': m.studio_pt_part_company_rule
};

const BEAT = named(m.studio_pt_f_beat);
const BEAT_NAME = named(m.studio_pt_f_beat_name);
const CUES = named(m.studio_pt_f_cues);
const PASS = named(m.studio_pt_f_pass);

const FIELDS: Record<string, FieldName> = {
	id: named(m.studio_pt_f_id),
	title: named(m.studio_pt_f_title),
	// Scenario
	objective: named(m.studio_pt_f_objective),
	persona: named(m.studio_pt_f_persona),
	'persona.name': named(m.studio_pt_f_persona_name),
	'persona.role': named(m.studio_pt_f_persona_role),
	'persona.company': named(m.studio_pt_f_persona_company),
	'persona.mood': named(m.studio_pt_f_persona_mood),
	difficulty: named(m.studio_pt_f_difficulty, true),
	minutes: named(m.studio_pt_f_minutes),
	pass: PASS,
	rubric: named(m.studio_pt_f_rubric, true),
	// A scenario's criteria and a rubric's are the same thing seen from two sides.
	criteria: labelled(m.studio_rubric_criteria),
	start: named(m.studio_pt_f_start, true),
	beats: named(m.studio_pt_f_beats),
	'beats.*': BEAT,
	'beats.*.customer': named(m.studio_pt_f_customer),
	'beats.*.end': named(m.studio_pt_f_ending, true),
	'beats.*.script': named(m.studio_pt_f_script, true),
	'beats.*.expect': named(m.studio_pt_f_key_points),
	'beats.*.expect.#.point': named(m.studio_pt_f_point),
	'beats.*.expect.#.criterion': named(m.studio_pt_f_counts_towards, true),
	'beats.*.expect.#.weight': named(m.studio_pt_f_weight),
	'beats.*.expect.#.cues': CUES,
	'beats.*.avoid': named(m.studio_pt_f_pitfalls),
	'beats.*.avoid.#.point': named(m.studio_pt_f_avoid_point),
	'beats.*.avoid.#.penalty': named(m.studio_pt_f_penalty),
	'beats.*.avoid.#.cues': CUES,
	'beats.*.choices': named(m.studio_pt_f_choices),
	'beats.*.choices.#.text': named(m.studio_pt_f_rep_says),
	'beats.*.choices.#.quality': named(m.studio_pt_f_quality, true),
	'beats.*.next': named(m.studio_pt_f_rules),
	'beats.*.next.#.goto': named(m.studio_pt_f_goto, true),
	'beats.*.next.#.minScore': named(m.studio_pt_f_min_score),
	'beats.*.next.#.maxTries': named(m.studio_pt_f_max_tries),
	'beats.*.next.#.choice': named(m.studio_pt_f_rule_choice, true),
	'beats.*.next.#.say': named(m.studio_pt_f_say),
	'beats.*.examples.good': named(m.studio_pt_f_line_good),
	'beats.*.examples.bad': named(m.studio_pt_f_line_bad),
	'examples.good': named(m.studio_pt_f_good),
	'examples.bad': named(m.studio_pt_f_bad),
	// Script entry and article
	category: labelled(m.studio_field_category, true),
	objection: labelled(m.studio_script_objection),
	variants: labelled(m.studio_script_variants),
	answers: labelled(m.studio_script_answers),
	'answers.#.text': labelled(m.studio_script_answer_text),
	'answers.#.techniques': labelled(m.studio_script_techniques, true),
	'answers.#.why': labelled(m.studio_script_why),
	mistakes: labelled(m.studio_script_mistakes),
	knowledge: labelled(m.studio_script_knowledge, true),
	summary: labelled(m.studio_field_summary),
	scripts: labelled(m.studio_field_linked_scripts, true),
	// Rubric
	'criteria.#.id': labelled(m.studio_rubric_id),
	'criteria.#.title': named(m.studio_pt_f_title),
	'criteria.#.weight': named(m.studio_pt_f_weight),
	'criteria.#.anchors': labelled(m.studio_rubric_anchors),
	...Object.fromEntries(
		[1, 2, 3, 4, 5].map((score) => [
			`criteria.#.anchors.${score}`,
			{
				say: (locale: Locale) =>
					m.studio_pt_quoted({ text: m.studio_rubric_anchor({ score }, { locale }) }, { locale }),
				choose: false
			}
		])
	),
	// Quiz
	items: labelled(m.studio_quiz_questions),
	'items.#.question': labelled(m.studio_quiz_question_text),
	'items.#.options': labelled(m.studio_quiz_options),
	'items.#.answer': labelled(m.studio_quiz_answer, true),
	'items.#.items': labelled(m.studio_quiz_order_items),
	'items.#.classes': labelled(m.studio_quiz_classes),
	'items.#.statements': labelled(m.studio_quiz_statements),
	'items.#.statements.#.text': labelled(m.studio_quiz_statement_text),
	'items.#.statements.#.class': labelled(m.studio_quiz_statement_class, true),
	'items.#.explanation': labelled(m.studio_quiz_explanation),
	// Plan
	days: labelled(m.studio_plan_days),
	'days.#.title': labelled(m.studio_plan_day_title),
	'days.#.modules.#.type': labelled(m.studio_plan_type, true),
	'days.#.modules.#.title': labelled(m.studio_plan_module_title),
	'days.#.modules.#.pass': PASS,
	'days.#.modules.#.rubric': named(m.studio_pt_f_rubric, true),
	// Lexicon
	intents: labelled(m.studio_lex_intents),
	'intents.#.id': labelled(m.studio_lex_id),
	'intents.#.meaning': labelled(m.studio_lex_meaning),
	'intents.#.phrases': labelled(m.studio_lex_phrases),
	rules: labelled(m.studio_lex_rules),
	'rules.#.id': labelled(m.studio_lex_id),
	'rules.#.point': labelled(m.studio_lex_rule_point),
	'rules.#.penalty': named(m.studio_pt_f_penalty),
	'rules.#.cues': labelled(m.studio_lex_rule_cues),
	'rules.#.unless': labelled(m.studio_lex_rule_unless)
};

export interface Place {
	/** Where the field is, as the start of a sentence ("In key point 2 of the beat “price”"); null at the top of the file. */
	where: string | null;
	/** Where the field's own fields are: `where`, or into the beat or the numbered part the path ends at. */
	inside: string | null;
	/** The field in running text ("the cues", "entry 2 of the cues", "“colour”"). */
	field: string;
	choose: boolean;
	/** The field is one entry of a list of texts (a cue, a phrase): removing it is a fix too. */
	entry: boolean;
}

const quote = (text: string, locale: Locale): string => m.studio_pt_quoted({ text }, { locale });

/**
 * Where a field is and what it is called. A path this does not know still reads: the beat and
 * numbered parts it passes through, and the field's own key, quoted. `beatName`: a problem with a
 * beat's id (`['beats', 'Price']`) is about its name, not the beat.
 */
export function placeOf(path: FieldPath, locale: Locale, { beatName = false } = {}): Place {
	let pattern = '';
	let place: string | null = null;
	let where: string | null = null;
	let field: string = m.studio_pt_f_file({}, { locale });
	let choose = false;
	let entry = false;
	const nameOf = (at: string, key: string | number): string =>
		FIELDS[at]?.say(locale) ?? quote(String(key), locale);
	const inPlace = (): string | null =>
		place === null ? null : m.studio_pt_in({ place }, { locale });
	for (const [i, key] of path.entries()) {
		const parent = pattern;
		const isBeat = parent === 'beats' && typeof key === 'string';
		pattern = `${parent ? `${parent}.` : ''}${isBeat ? '*' : typeof key === 'number' ? '#' : key}`;
		where = inPlace();
		if (isBeat) {
			// A beat's own fields ("the beat's name") are said in the beat too.
			place = m.studio_pt_beat({ beat: key }, { locale });
			where = inPlace();
			field = (beatName ? BEAT_NAME : BEAT).say(locale);
			choose = false;
			entry = false;
		} else if (typeof key === 'number') {
			const part = PARTS[pattern]?.({ n: key + 1 }, { locale });
			field =
				part ??
				m.studio_pt_entry({ n: key + 1, field: nameOf(parent, path[i - 1] ?? '') }, { locale });
			choose = false;
			entry = !part;
			// A list of texts is no place of its own: its entries are named as fields ("entry 2 of the cues").
			if (part) place = place === null ? part : m.studio_pt_of({ part, whole: place }, { locale });
		} else {
			field = nameOf(pattern, key);
			choose = FIELDS[pattern]?.choose ?? false;
			entry = false;
		}
	}
	return { where, inside: inPlace(), field, choose, entry };
}
