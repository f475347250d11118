import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import {
	certifyIfComplete,
	currentCohortOf,
	markStudied,
	planFor,
	progressOf
} from '$lib/server/onboarding/onboarding';
import { planItemTitles } from '$lib/server/onboarding/plan-view';
import { contentLocale } from '$lib/server/content/locale';
import { idText, parseForm, readForm } from '$lib/server/forms';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const cohort = currentCohortOf(db, user.id);
	if (!cohort) return { cohort: null, progress: null, titles: {}, certifiedAt: null };
	// The plan in the rep's language where it exists in it; progress is the same in either.
	const locale = contentLocale();
	const progress = progressOf(db, cohort, user.id, new Date(), locale);
	// The last gate may have been passed anywhere (a drill, a quiz): certify on the next look.
	const certified =
		cohort.certifiedAt ??
		(progress.finished && certifyIfComplete(db, cohort, user.id) ? new Date() : null);
	return {
		cohort: {
			id: cohort.id,
			name: cohort.name,
			title: planFor(db, cohort, locale).curriculum.title,
			userId: user.id
		},
		progress,
		titles: planItemTitles(db, progress, locale),
		certifiedAt: certified
	};
};

export const actions: Actions = {
	studied: async (event) => {
		const user = requireUser(event);
		const form = parseForm(await readForm(event), { module: idText });
		if (!form.ok) return fail(400, { problem: 'module' as const });
		const key = form.value.module;
		const db = getDb();
		const cohort = currentCohortOf(db, user.id);
		const module =
			cohort &&
			progressOf(db, cohort, user.id)
				.days.flatMap((d) => d.modules)
				.find((m) => m.key === key);
		if (!cohort || !module || module.type !== 'scripts')
			return fail(400, { problem: 'module' as const });
		markStudied(db, cohort.id, user.id, key);
		return { studied: key };
	}
};
