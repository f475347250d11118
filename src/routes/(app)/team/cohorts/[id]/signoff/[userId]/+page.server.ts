import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { findUserById } from '$lib/server/accounts/users';
import { findContent } from '$lib/server/content/store';
import {
	SIGNOFF_PASS,
	canFollowCohort,
	findCohort,
	isMember,
	planFor,
	recordSignoff
} from '$lib/server/onboarding/onboarding';
import { contentLocale } from '$lib/server/content/locale';
import { anyText, numberText, parseForm, readForm } from '$lib/server/forms';

function context(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const cohort = findCohort(db, event.params.id ?? '');
	const rep = findUserById(db, event.params.userId ?? '');
	if (!cohort || !rep || !canFollowCohort(db, user, cohort) || !isMember(db, cohort.id, rep.id))
		error(404, 'Not found');
	const key = event.url.searchParams.get('module') ?? '';
	// The module named in the reader's language where the plan exists in it (its key is the same in either).
	const module = planFor(db, cohort, contentLocale())
		.curriculum.days.flatMap((day, d) =>
			day.modules.map((m, i) => ({ ...m, key: `d${d + 1}m${i + 1}` }))
		)
		.find((m) => m.key === key && m.type === 'signoff');
	if (!module?.rubric) error(404, 'Not found');
	const rubric = findContent(db, 'rubric', module.rubric, cohort.locale);
	if (!rubric) error(404, 'Not found');
	return { user, cohort, rep, module, rubric };
}

export const load: PageServerLoad = (event) => {
	const { cohort, rep, module, rubric } = context(event);
	return {
		cohort: { id: cohort.id, name: cohort.name },
		rep: { name: rep.name },
		module: { key: module.key, title: module.title, scenario: module.items[0] ?? null },
		rubric: rubric.data,
		pass: SIGNOFF_PASS
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, cohort, rep, module, rubric } = context(event);
		// A score field per criterion of the rubric (their names are known only now).
		const fields: { notes: typeof anyText } & Record<`score-${string}`, typeof numberText> = {
			notes: anyText,
			...Object.fromEntries(rubric.data.criteria.map((c) => [`score-${c.id}`, numberText]))
		};
		const form = parseForm(await readForm(event), fields).value;
		const scores = Object.fromEntries(
			rubric.data.criteria
				.map((c) => [c.id, form[`score-${c.id}`]])
				.filter(([, v]) => Number.isInteger(v) && (v as number) >= 1)
		);
		const result = recordSignoff(getDb(), cohort, rep.id, module.key, {
			scores,
			notes: form.notes,
			signedBy: user.id
		});
		if (!result.ok) return fail(400, { problem: result.problem });
		return { passed: result.passed, score: result.score };
	}
};
