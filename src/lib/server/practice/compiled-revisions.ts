// The compile cache: each scenario revision compiled once per process with its language's lexicon
// as published, for every service that plays or scores a role-play (attempts, turns, series,
// interviews).
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index';
import { keptPerDatabase } from '../cache';
import { scenarioRevisions } from '../db/schema';
import { lexiconPhrasebook } from '../content/store';
import { compileScenario, type CompiledScenario } from '$lib/engine/scenario/index';
import type { ContentLocale } from '$lib/engine/content/index';
import { withoutBriefedCriteria } from '$lib/engine/hiring/brief';

/** Scenarios compiled with the lexicon as published: the few hundred revisions in use. */
const compiledRevisions = keptPerDatabase<{ compiled: CompiledScenario; locale: ContentLocale }>({
	limit: 500,
	dependsOn: 'content'
});

/**
 * The compiled machine of a revision, scoring with its language's lexicon as published now.
 * Revisions never change and compiling is pure, so each is read and compiled once per process, and
 * again only when the content changes (a phrase a trainer adds to the lexicon counts from the next
 * reply on). `unbriefed`: scoring without the key points that need a brief (`withoutBriefedCriteria`).
 */
export function compiledRevisionFor(
	db: Db,
	revisionId: string,
	unbriefed = false
): { compiled: CompiledScenario; locale: ContentLocale } {
	const key = unbriefed ? `${revisionId} unbriefed` : revisionId;
	return compiledRevisions.get(db, key, () => {
		const revision = db
			.select()
			.from(scenarioRevisions)
			.where(eq(scenarioRevisions.id, revisionId))
			.get();
		if (!revision) throw new Error(`missing scenario revision ${revisionId}`);
		return {
			compiled: compileScenario(
				unbriefed ? withoutBriefedCriteria(revision.data) : revision.data,
				lexiconPhrasebook(db, revision.locale)
			),
			locale: revision.locale
		};
	});
}
