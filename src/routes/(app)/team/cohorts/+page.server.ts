import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { listContentFields } from '$lib/server/content/store';
import {
	cohortChoicesFor,
	cohortsVisibleTo,
	createCohort,
	membersOf
} from '$lib/server/onboarding/onboarding';
import { localIsoDate } from '$lib/calendar';
import { contentLocale } from '$lib/server/content/locale';
import { allTexts, anyText, parseForm, readForm } from '$lib/server/forms';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	return {
		cohorts: cohortsVisibleTo(db, user).map((c) => ({
			id: c.id,
			name: c.name,
			startDate: c.startDate,
			members: membersOf(db, c.id).length
		})),
		curricula: listContentFields(db, 'curriculum', contentLocale(), ['title']).map((c) => ({
			id: c.id,
			title: c.title
		})),
		...cohortChoicesFor(db, user),
		today: localIsoDate(new Date())
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const form = parseForm(await readForm(event), {
			name: anyText,
			curriculumId: anyText,
			startDate: anyText,
			reps: allTexts,
			teamId: anyText
		}).value;
		const db = getDb();
		const result = createCohort(
			db,
			{
				name: form.name,
				curriculumId: form.curriculumId,
				locale: contentLocale(),
				startDate: form.startDate,
				userIds: form.reps,
				teamId: form.teamId || null,
				createdBy: user.id
			},
			cohortChoicesFor(db, user)
		);
		if (!result.ok) return fail(400, { problem: result.problem, name: form.name });
		redirect(303, `/team/cohorts/${result.cohort.id}`);
	}
};
