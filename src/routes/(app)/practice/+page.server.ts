import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { listPracticeScenarios } from '$lib/server/practice';
import { contentLocale } from '$lib/server/content-locale';
import { and, eq } from 'drizzle-orm';
import { teamMembers, teams } from '$lib/server/db/schema';
import { listTeamMembers } from '$lib/server/teams';
import { leaderboard } from '$lib/server/dashboard';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const locale = contentLocale();
	return { scenarios: listPracticeScenarios(db, user.id, locale), locale, board: teamLeaderboard(db, user.id) };
};

/** This week's practice in the rep's team, when its manager has switched the leaderboard on. */
function teamLeaderboard(db: ReturnType<typeof getDb>, userId: string): { name: string; finished: number; best: number }[] {
	const team = db
		.select({ id: teams.id })
		.from(teamMembers)
		.innerJoin(teams, eq(teams.id, teamMembers.teamId))
		.where(and(eq(teamMembers.userId, userId), eq(teamMembers.role, 'rep'), eq(teams.leaderboard, true)))
		.get();
	if (!team) return [];
	const members = listTeamMembers(db, team.id).filter((m) => m.role === 'rep');
	const names = new Map(members.map((m) => [m.userId, m.name]));
	return leaderboard(db, members.map((m) => m.userId)).map((row) => ({ name: names.get(row.userId) ?? '—', finished: row.finished, best: Math.round(row.best) }));
}
