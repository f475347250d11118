import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { readForm, textField } from '$lib/server/forms';
import { acceptMark, openMarksByBeat, resolveMark } from '$lib/server/score-marks';
import { contentTitles, listContentIds } from '$lib/server/content/store';
import { CONTENT_LOCALES, type ContentLocale } from '$lib/engine/content';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'trainer', 'admin');
	const db = getDb();
	const groups = openMarksByBeat(db);
	const title = (id: string, locale: ContentLocale) => contentTitles(db, 'scenario', [id], locale)[0]?.title ?? id;
	const intents = new Map(CONTENT_LOCALES.map((locale) => [locale, listContentIds(db, locale).intents]));
	return { groups: groups.map((group) => ({ ...group, title: title(group.scenarioId, group.locale), intents: intents.get(group.locale) ?? [] })) };
};

export const actions: Actions = {
	accept: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		const data = await readForm(event);
		const id = textField(data, 'id');
		// A mark that shows a phrasing the score does not know may bring it into the lexicon (a draft).
		const phrase = textField(data, 'phrase').trim();
		const intent = textField(data, 'intent');
		const outcome = acceptMark(getDb(), user, id, { grade: Number(textField(data, 'grade')), reason: textField(data, 'reason') }, phrase ? { intent, phrase } : null);
		if (!outcome.ok) return fail(outcome.problem === 'not-found' ? 409 : 400, { id, problem: outcome.problem });
		return { resolved: id, added: outcome.added };
	},
	dismiss: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		const id = textField(await readForm(event), 'id');
		const outcome = resolveMark(getDb(), user, id, 'dismiss');
		if (!outcome.ok) return fail(409, { id, problem: outcome.problem });
		return { resolved: id };
	}
};
