import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { prepared, type Db } from '../db/index';
import { teamMembers, teams, users, type Team, type TeamRole } from '../db/schema';
import { newId } from '../ids';

export const TEAM_NAME_MAX_LENGTH = 80;

export type TeamNameProblem = 'missing' | 'too-long' | 'taken';

/** Checks the shape of a team name; whether it is taken is for the caller to ask. */
export function validateTeamName(name: string): TeamNameProblem | null {
	const trimmed = name.trim();
	if (!trimmed) return 'missing';
	if ([...trimmed].length > TEAM_NAME_MAX_LENGTH) return 'too-long';
	return null;
}

export function createTeam(db: Db, name: string): Team {
	return db.insert(teams).values({ id: newId(), name: name.trim() }).returning().get();
}

export function findTeam(db: Db, teamId: string): Team | undefined {
	return db.select().from(teams).where(eq(teams.id, teamId)).get();
}

export function findTeamByName(db: Db, name: string): Team | undefined {
	return db.select().from(teams).where(eq(teams.name, name.trim())).get();
}

export interface TeamSummary extends Team {
	managers: number;
	reps: number;
}

export function listTeams(db: Db): TeamSummary[] {
	return db
		.select({
			id: teams.id,
			name: teams.name,
			leaderboard: teams.leaderboard,
			oneToOneWeeks: teams.oneToOneWeeks,
			createdAt: teams.createdAt,
			managers: sql<number>`sum(case when ${teamMembers.role} = 'manager' then 1 else 0 end)`,
			reps: sql<number>`sum(case when ${teamMembers.role} = 'rep' then 1 else 0 end)`
		})
		.from(teams)
		.leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
		.groupBy(teams.id)
		.orderBy(asc(teams.name))
		.all()
		.map((t) => ({ ...t, managers: t.managers ?? 0, reps: t.reps ?? 0 }));
}

export interface TeamMemberRow {
	userId: string;
	name: string;
	email: string;
	role: TeamRole;
	active: boolean;
}

export function listTeamMembers(db: Db, teamId: string): TeamMemberRow[] {
	return db
		.select({
			userId: users.id,
			name: users.name,
			email: users.email,
			role: teamMembers.role,
			deactivatedAt: users.deactivatedAt
		})
		.from(teamMembers)
		.innerJoin(users, eq(users.id, teamMembers.userId))
		.where(eq(teamMembers.teamId, teamId))
		.orderBy(asc(teamMembers.role), asc(users.name))
		.all()
		.map(({ deactivatedAt, ...m }) => ({ ...m, active: deactivatedAt === null }));
}

/** Adds a member, or changes their role in the team when they are in it already. */
export function addTeamMember(db: Db, teamId: string, userId: string, role: TeamRole): void {
	db.insert(teamMembers)
		.values({ teamId, userId, role })
		.onConflictDoUpdate({ target: [teamMembers.teamId, teamMembers.userId], set: { role } })
		.run();
}

export function removeTeamMember(db: Db, teamId: string, userId: string): void {
	db.delete(teamMembers)
		.where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
		.run();
}

/** The teams a user is in, with their role in each: what the admin's page of the user lists. */
export function teamsOfUser(
	db: Db,
	userId: string
): { id: string; name: string; role: TeamRole }[] {
	return db
		.select({ id: teams.id, name: teams.name, role: teamMembers.role })
		.from(teamMembers)
		.innerJoin(teams, eq(teams.id, teamMembers.teamId))
		.where(eq(teamMembers.userId, userId))
		.all();
}

/** The teams a user manages, each with its members: what a manager's team page shows. */
export function teamsManagedBy(db: Db, userId: string): { team: Team; members: TeamMemberRow[] }[] {
	const managed = db
		.select({
			id: teams.id,
			name: teams.name,
			leaderboard: teams.leaderboard,
			oneToOneWeeks: teams.oneToOneWeeks,
			createdAt: teams.createdAt
		})
		.from(teams)
		.innerJoin(teamMembers, eq(teamMembers.teamId, teams.id))
		.where(and(eq(teamMembers.userId, userId), eq(teamMembers.role, 'manager')))
		.orderBy(asc(teams.name))
		.all();
	return managed.map((team) => ({ team, members: listTeamMembers(db, team.id) }));
}

export function setLeaderboard(db: Db, teamId: string, on: boolean): void {
	db.update(teams).set({ leaderboard: on }).where(eq(teams.id, teamId)).run();
}

/** The reps in the teams a user manages; admins: every rep in any team. Prepared once: every manager's page asks. */
export function repsFollowedBy(
	db: Db,
	userId: string,
	isAdmin: boolean
): { id: string; name: string; teamId: string; teamName: string }[] {
	const statement = prepared(
		db,
		isAdmin ? 'reps-followed-by-admin' : 'reps-followed-by-manager',
		() => {
			const managed = db
				.select({ id: teamMembers.teamId })
				.from(teamMembers)
				.where(
					and(eq(teamMembers.userId, sql.placeholder('userId')), eq(teamMembers.role, 'manager'))
				);
			return db
				.select({ id: users.id, name: users.name, teamId: teams.id, teamName: teams.name })
				.from(teamMembers)
				.innerJoin(users, eq(users.id, teamMembers.userId))
				.innerJoin(teams, eq(teams.id, teamMembers.teamId))
				.where(
					and(
						eq(teamMembers.role, 'rep'),
						isNull(users.deactivatedAt),
						isAdmin ? undefined : inArray(teamMembers.teamId, managed)
					)
				)
				.orderBy(asc(teams.name), asc(users.name))
				.prepare();
		}
	);
	return statement.all({ userId });
}
