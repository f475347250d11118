import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { anyText, checkbox, numberText, parseForm, readForm, trimmedText } from '$lib/server/forms';
import {
	acceptMark,
	openMarksByBeat,
	resolveMark,
	type MarkSuggestions
} from '$lib/server/practice/score-marks';
import { contentTitles, findContent, listContentIds } from '$lib/server/content/store';
import { CONTENT_LOCALES, type ContentLocale } from '$lib/engine/content';
import { beatLabel } from '$lib/engine/studio/scenario-edit';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'trainer', 'admin');
	const db = getDb();
	const groups = openMarksByBeat(db);
	const title = (id: string, locale: ContentLocale) =>
		contentTitles(db, 'scenario', [id], locale)[0]?.title ?? id;
	const intents = new Map(
		CONTENT_LOCALES.map((locale) => [locale, listContentIds(db, locale).intents])
	);
	// The line by its name, and its key points and pitfalls, to take a cue to.
	const lineOf = (scenarioId: string, locale: ContentLocale, beatId: string) => {
		const item = findContent(db, 'scenario', scenarioId, locale);
		const beats = item?.locale === locale ? item.data.beats : {};
		const beat = Object.hasOwn(beats, beatId) ? beats[beatId]! : null;
		return {
			beatName: beatLabel(beats, beatId),
			points: {
				expect: beat?.expect.map((p, index) => ({ index, point: p.point })) ?? [],
				avoid: beat?.avoid.map((p, index) => ({ index, point: p.point })) ?? []
			}
		};
	};
	return {
		groups: groups.map((group) => ({
			...group,
			title: title(group.scenarioId, group.locale),
			intents: intents.get(group.locale) ?? [],
			...lineOf(group.scenarioId, group.locale, group.beat)
		}))
	};
};

export const actions: Actions = {
	accept: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		const { id, phrase, cue, point, intent, example, grade, reason } = parseForm(
			await readForm(event),
			{
				id: anyText,
				phrase: trimmedText,
				cue: trimmedText,
				point: anyText,
				intent: anyText,
				example: checkbox('on'),
				grade: numberText,
				reason: anyText
			}
		).value;
		// What the mark teaches may go into the lexicon (a phrase) or the scenario (an example, a cue), as drafts.
		const [list, index] = point.split(':');
		const suggestions: MarkSuggestions = {
			...(phrase ? { phrase: { intent, phrase } } : {}),
			...(example ? { example: true } : {}),
			...(cue
				? { cue: { list: list === 'avoid' ? 'avoid' : 'expect', index: Number(index), cue } }
				: {})
		};
		const outcome = acceptMark(getDb(), user, id, { grade, reason }, suggestions);
		if (!outcome.ok)
			return fail(outcome.problem === 'not-found' ? 409 : 400, { id, problem: outcome.problem });
		return { resolved: id, added: outcome.added, scenario: outcome.scenario };
	},
	dismiss: async (event) => {
		const user = requireRole(event, 'trainer', 'admin');
		const { id } = parseForm(await readForm(event), { id: anyText }).value;
		const outcome = resolveMark(getDb(), user, id, 'dismiss');
		if (!outcome.ok) return fail(409, { id, problem: outcome.problem });
		return { resolved: id };
	}
};
