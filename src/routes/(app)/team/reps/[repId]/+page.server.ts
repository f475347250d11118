import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import {
	practiceHistory,
	repComments,
	repFor,
	repOnboarding,
	repWeakSpots
} from '$lib/server/team/rep-page';
import { contentLocale } from '$lib/server/content/locale';
import { serverRendered } from '$lib/server-rendered';
import {
	cancelAssignment,
	createAssignment,
	repPageAssignments
} from '$lib/server/coaching/assignments';
import { followsRep } from '$lib/server/coaching/comments';
import { anyText, parseForm, readForm } from '$lib/server/forms';
import { openDealsOf } from '$lib/server/coaching/deals';
import { objectionContent } from '$lib/server/team/dashboard';
import { localIsoDate } from '$lib/calendar';
import { repOneToOnes } from '$lib/server/coaching/one-to-ones';

// A page to read, with links and no script of its own: rendered on the server only (see $lib/server-rendered).
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	// Whether this manager coaches the rep comes first: anyone else's rep is a 404, not a hint they exist.
	const rep = repFor(db, user, event.params.repId);
	if (!rep) error(404, 'Not found');
	const locale = contentLocale();
	return {
		view: serverRendered({
			rep,
			onboarding: repOnboarding(db, user, rep.id, new Date(), locale),
			history: practiceHistory(db, rep.id, locale, event.url.searchParams.get('page')),
			weak: repWeakSpots(db, rep, locale),
			comments: repComments(db, rep.id, locale),
			assignments: repPageAssignments(db, user, rep.id, event.url, locale),
			// The deal review's block: the rep's open deals with their flags on the organisation's calendar day.
			deals: {
				open: openDealsOf(db, rep.id, localIsoDate(new Date())),
				targets: Object.fromEntries(objectionContent(db, locale).byCategory)
			},
			oneToOnes: repOneToOnes(db, user, rep.id, locale)
		})
	};
};

export const actions: Actions = {
	assign: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		// Whose rep it is comes first: to anyone else the rep does not exist, whatever the form holds.
		if (!followsRep(getDb(), user, event.params.repId)) error(404, 'Not found');
		const { kind, ...values } = parseForm(await readForm(event), {
			kind: anyText,
			content: anyText,
			mode: anyText,
			passMark: anyText,
			due: anyText,
			note: anyText
		}).value;
		const outcome = createAssignment(getDb(), user, {
			repId: event.params.repId,
			kind,
			contentId: values.content,
			mode: values.mode,
			passMark: values.passMark,
			dueDate: values.due,
			note: values.note
		});
		if (!outcome.ok) {
			if (outcome.problem === 'not-found') error(404, 'Not found');
			return fail(400, {
				assignProblem: outcome.problem,
				assignForm: kind === 'script' ? 'script' : 'scenario',
				assignValues: values
			});
		}
		return { assigned: true };
	},
	cancelAssignment: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		if (!followsRep(getDb(), user, event.params.repId)) error(404, 'Not found');
		const { assignment } = parseForm(await readForm(event), { assignment: anyText }).value;
		const outcome = cancelAssignment(getDb(), user, {
			repId: event.params.repId,
			assignmentId: assignment
		});
		if (!outcome.ok) {
			if (outcome.problem === 'not-found') error(404, 'Not found');
			return fail(400, { assignProblem: outcome.problem, assignForm: 'cancel' });
		}
		return { cancelled: true };
	}
};
