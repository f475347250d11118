import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { listPositions } from '$lib/server/hiring/comparison';
import { listPositionRules, setPositionRules } from '$lib/server/hiring/screening';
import { readPositionRules } from '$lib/engine/hiring/screening';
import { anyText, parseForm, readForm } from '$lib/server/forms';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const db = getDb();
	const rules = listPositionRules(db).map(
		({ name, minSalesYears, minEducation, requiredLanguage }) => ({
			name,
			minSalesYears,
			minEducation,
			requiredLanguage
		})
	);
	return {
		rules,
		// Offered when typing a position: the user's candidates' positions without rules yet.
		positions: listPositions(db, user).filter((name) => !rules.some((rule) => rule.name === name)),
		chosen: event.url.searchParams.get('position') ?? ''
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event, 'manager', 'admin');
		const typed = parseForm(await readForm(event), {
			position: anyText,
			minSalesYears: anyText,
			minEducation: anyText,
			requiredLanguage: anyText
		}).value;
		const read = readPositionRules(typed);
		if (!read.ok) return fail(400, { ...typed, problem: read.problem });
		setPositionRules(getDb(), user.id, read.position, read.rules);
		return { saved: read.position };
	}
};
