/**
 * What a manager is told about an online interview's candidate link. The same facts decide what
 * the link itself opens (`lookUpCandidateLink`): a finished role-play uses the link up, whatever
 * link the manager makes afterwards; a withdrawn link is dead; a link runs out when its time is up
 * unless the candidate has started (a running role-play stays open until it ends).
 */
export type LinkStatus =
	| { state: 'none' }
	| { state: 'active'; until: Date }
	| { state: 'in-progress'; since: Date }
	| { state: 'used'; on: Date }
	| { state: 'expired'; on: Date }
	| { state: 'revoked'; on: Date }
	| { state: 'cancelled' };

export interface LinkFacts {
	/** The interview's latest link, if one was ever made. */
	invite: { expiresAt: Date; revokedAt: Date | null } | null;
	/** The candidate's latest role-play on this interview, if they started one. */
	attempt: { status: 'active' | string; startedAt: Date; endedAt: Date | null } | null;
	cancelled: boolean;
}

export function linkStatus(facts: LinkFacts, now: Date): LinkStatus {
	const { invite, attempt } = facts;
	if (attempt && attempt.status !== 'active')
		return { state: 'used', on: attempt.endedAt ?? attempt.startedAt };
	if (facts.cancelled) return { state: 'cancelled' };
	if (!invite) return { state: 'none' };
	if (invite.revokedAt) return { state: 'revoked', on: invite.revokedAt };
	if (attempt) return { state: 'in-progress', since: attempt.startedAt };
	if (invite.expiresAt.getTime() <= now.getTime())
		return { state: 'expired', on: invite.expiresAt };
	return { state: 'active', until: invite.expiresAt };
}
