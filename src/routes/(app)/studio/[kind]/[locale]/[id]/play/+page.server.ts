import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { checkText, draftOf, publishedText } from '$lib/server/content/studio';
import { anyText, clippedText, isBlank, parseForm, readForm } from '$lib/server/forms';
import { explainReply, type ReplyExplanation } from '$lib/engine/scoring/explain';
import {
	compileScenario,
	startRolePlay,
	step,
	type Facts,
	type PersistedRolePlay
} from '$lib/engine/scenario';
import type { ContentLocale, Scenario, Series } from '$lib/engine/content';
import { callNotes } from '$lib/engine/series/check';
import { findContent, lexiconPhrasebook } from '$lib/server/content/store';
import { isLocale } from '$lib/roles';

/**
 * What is played: the scenario as it stands in the editor (the draft if there is one, else what is
 * published), or a series as it stands there, each call with its published scenario.
 */
type Played =
	| { kind: 'scenario'; scenario: Scenario }
	| { kind: 'series'; series: Series; scenarios: Scenario[] };

async function editorItem(event: Pick<RequestEvent, 'params'>): Promise<Played | null> {
	const { kind, locale, id } = event.params;
	if ((kind !== 'scenario' && kind !== 'series') || !isLocale(locale)) error(404, 'Not found');
	const db = getDb();
	const text = draftOf(db, kind, locale, id) ?? publishedText(db, kind, locale, id);
	if (text === null) error(404, 'Not found');
	const { item } = await checkText(db, kind, locale, id, text);
	if (item?.kind === 'scenario') return { kind: 'scenario', scenario: item.data };
	if (item?.kind !== 'series') return null;
	// A series that passed the check names published scenarios of its language only.
	const scenarios = item.data.calls.map(
		(call) => findContent(db, 'scenario', call.scenario, locale)?.data
	);
	if (scenarios.some((scenario) => scenario === undefined)) return null;
	return { kind: 'series', series: item.data, scenarios: scenarios as Scenario[] };
}

/** The scenario of the call being played: the scenario itself, or the series' call. */
function scenarioOf(played: Played, call: number): Scenario | null {
	return played.kind === 'scenario' ? played.scenario : (played.scenarios[call] ?? null);
}

/** Facts as a call leaves them: ids with true, false or a short text. */
function isFacts(value: unknown): value is Facts {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		Object.values(value).every((fact) => typeof fact === 'boolean' || typeof fact === 'string')
	);
}

/** A series' call begins with the facts the calls before it left, as a rep's run does. */
function startCall(scenario: Scenario, facts: Facts) {
	const { snapshot, state } = startRolePlay(compileScenario(scenario), { facts });
	return { snapshot: JSON.stringify(snapshot), customer: state.customer };
}

interface PlayPage {
	scenario: (Pick<Scenario, 'title' | 'persona'> & { locale: string }) | null;
	series:
		| (Pick<Series, 'title' | 'persona'> & {
				locale: string;
				calls: { title: string; daysAfter: number; meanwhile: string | null }[];
		  })
		| null;
	start: { snapshot: string; customer: string } | null;
}

export const load: PageServerLoad = async (event): Promise<PlayPage> => {
	requireRole(event, 'trainer', 'admin');
	const played = await editorItem(event);
	const locale = event.params.locale;
	if (!played) return { scenario: null, series: null, start: null };
	if (played.kind === 'scenario')
		return {
			scenario: { title: played.scenario.title, persona: played.scenario.persona, locale },
			series: null,
			start: startCall(played.scenario, {})
		};
	const { series, scenarios } = played;
	return {
		scenario: null,
		series: {
			title: series.title,
			persona: series.persona,
			locale,
			calls: series.calls.map((call, i) => ({
				title: scenarios[i]!.title,
				daysAfter: call.daysAfter,
				meanwhile: call.meanwhile ?? null
			}))
		},
		start: startCall(scenarios[0]!, {})
	};
};

interface PlayedTurn extends ReplyExplanation {
	customer: string;
	score: number;
}

export const actions: Actions = {
	// Stateless on purpose: the playtest's snapshot and transcript travel in the form, nothing is stored.
	reply: async (event) => {
		requireRole(event, 'trainer', 'admin');
		const played = await editorItem(event);
		const form = parseForm(await readForm(event), {
			snapshot: anyText,
			transcript: anyText,
			said: anyText,
			reply: clippedText(2000),
			call: anyText
		}).value;
		const call = Number(form.call || '0');
		const scenario = played && Number.isInteger(call) ? scenarioOf(played, call) : null;
		if (!played || !scenario) return fail(400, { broken: true });
		let snapshot: PersistedRolePlay;
		let transcript: PlayedTurn[];
		let said: string[];
		try {
			snapshot = JSON.parse(form.snapshot);
			transcript = JSON.parse(form.transcript || '[]');
			said = JSON.parse(form.said || '[]');
		} catch {
			return fail(400, { broken: true });
		}
		const { reply } = form;
		if (isBlank(reply))
			return fail(400, { empty: true, snapshot: JSON.stringify(snapshot), transcript, said, call });
		try {
			const result = step(
				compileScenario(scenario, lexiconPhrasebook(getDb(), event.params.locale as ContentLocale)),
				snapshot,
				{ mode: 'text', reply },
				said
			);
			transcript.push({
				customer: result.turn.customer,
				score: result.turn.score,
				...explainReply(reply, result.turn.result)
			});
			const facts = result.state.context.facts ?? {};
			return {
				snapshot: JSON.stringify(result.snapshot),
				transcript,
				said: [...said, reply],
				customer: result.state.customer,
				ended: result.state.ended,
				score: result.state.score,
				call,
				// What a rep would have noted after the call, and carries to the next one.
				facts: JSON.stringify(facts),
				notes:
					played.kind === 'series' && result.state.ended
						? callNotes(played.series, facts).map((note) => note.text)
						: []
			};
		} catch {
			// A snapshot from an older version of the draft: start again.
			return fail(400, { broken: true });
		}
	},
	// The next call of a series, with the facts the call before it left (they travel in the form).
	next: async (event) => {
		requireRole(event, 'trainer', 'admin');
		const played = await editorItem(event);
		const form = parseForm(await readForm(event), { call: anyText, facts: anyText }).value;
		const call = Number(form.call) + 1;
		const scenario =
			played?.kind === 'series' && Number.isInteger(call) ? scenarioOf(played, call) : null;
		if (!scenario) return fail(400, { broken: true });
		let facts: unknown;
		try {
			facts = JSON.parse(form.facts || '{}');
		} catch {
			return fail(400, { broken: true });
		}
		if (!isFacts(facts)) return fail(400, { broken: true });
		return { ...startCall(scenario, facts), transcript: [], said: [], call, ended: null };
	}
};
