import { m } from '$lib/paraglide/messages';
import { readProblem, type ProblemCode } from '$lib/engine/studio/problem-reading';

// The form's label of each field the checker can find empty, so the sentence names what the trainer sees.
const FIELD_LABELS: Record<string, () => string> = {
	title: m.studio_field_title,
	name: m.studio_sc_persona_name,
	role: m.studio_sc_persona_role,
	company: m.studio_sc_persona_company,
	mood: m.studio_sc_persona_mood,
	minutes: m.studio_sc_minutes,
	pass: m.studio_sc_pass,
	customer: m.studio_sc_customer,
	point: m.studio_sc_point,
	cues: m.studio_sc_cues,
	text: m.studio_sc_choice_text,
	say: m.studio_sc_say,
	good: m.studio_sc_good,
	bad: m.studio_sc_bad
};

const TEXTS: Record<ProblemCode, (values: Record<string, string>) => string> = {
	'start-missing': () => m.studio_sc_p_start_missing(),
	'ending-extras': () => m.studio_sc_p_ending_extras(),
	'no-rules': () => m.studio_sc_p_no_rules(),
	'goto-missing': (v) => m.studio_sc_p_goto_missing({ goto: v.goto ?? '' }),
	'no-goto': () => m.studio_sc_p_no_goto(),
	'choice-missing': (v) => m.studio_sc_p_choice_missing({ choice: v.choice ?? '', count: v.count ?? '' }),
	'last-rule': () => m.studio_sc_p_last_rule(),
	criterion: (v) => m.studio_sc_p_criterion({ criterion: v.criterion ?? '' }),
	unreachable: () => m.studio_sc_p_unreachable(),
	'dead-end': () => m.studio_sc_p_dead_end(),
	'no-won': () => m.studio_sc_p_no_won(),
	'good-fails': (v) => m.studio_sc_p_good_fails({ pass: v.pass ?? '', score: v.score ?? '', path: v.path ?? '' }),
	'bad-passes': (v) => m.studio_sc_p_bad_passes({ score: v.score ?? '', path: v.path ?? '' }),
	empty: (v) => m.studio_sc_p_empty({ field: FIELD_LABELS[v.field ?? '']?.() ?? v.field ?? '' }),
	'no-cue': () => m.studio_sc_p_no_cue()
};

/** A checker's message in the trainer's words and language, or as it is when it is not one the form knows. */
export function problemText(message: string): string {
	const reading = readProblem(message);
	return reading ? TEXTS[reading.code](reading.values) : message;
}
