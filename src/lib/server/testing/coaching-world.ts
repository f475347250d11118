// For tests only: the world the coaching specs (assignments, one-to-ones, comments) share.
import { createTestDatabase } from '../db';
import { replaceAllContent } from '../content/store';
import { addTeamMember, createTeam } from '../accounts/teams';
import { peopleIn } from './people';
import { priceCall } from '$lib/testing/price-call.fixture';
import type { ContentItem } from '$lib/engine/content';

/**
 * The price-call scenario (and any `content` given); team North, led by `lead` and `coLead`, with
 * `rep`; team South, led by `otherLead`, with `otherRep`; an admin and a trainer in no team;
 * `person` for anyone else.
 */
export function coachingWorld(content: readonly ContentItem[] = []) {
	const db = createTestDatabase();
	replaceAllContent(db, [
		{ kind: 'scenario', locale: 'en', id: 'price-call', data: priceCall(), body: '' },
		...content
	]);
	const person = peopleIn(db);
	const lead = person('Lead', ['manager']);
	const coLead = person('Co-lead', ['manager']);
	const otherLead = person('Other lead', ['manager']);
	const admin = person('Admin', ['admin']);
	const trainer = person('Trainer', ['trainer']);
	const rep = person('Rep', ['rep']);
	const otherRep = person('Other rep', ['rep']);
	const team = createTeam(db, 'North');
	addTeamMember(db, team.id, lead.id, 'manager');
	addTeamMember(db, team.id, coLead.id, 'manager');
	addTeamMember(db, team.id, rep.id, 'rep');
	const otherTeam = createTeam(db, 'South');
	addTeamMember(db, otherTeam.id, otherLead.id, 'manager');
	addTeamMember(db, otherTeam.id, otherRep.id, 'rep');
	return { db, person, lead, coLead, otherLead, admin, trainer, rep, otherRep, team, otherTeam };
}
