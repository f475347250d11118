import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { coachingWorld } from '../testing/coaching-world';
import { addTeamMember, createTeam } from '../accounts/teams';
import { setUserActive } from '../accounts/users';
import { hangUp, startAttempt, startAttemptOnRevision } from '../practice/attempts';
import { submitTurn } from '../practice/turns';
import { peopleIn } from '../testing/people';
import { attempts, coachingComments, users } from '../db/schema';
import {
	addComment,
	attemptReader,
	COMMENT_MAX_LENGTH,
	commentsAboutRep,
	commentsByTurn,
	commentsForExport,
	commentsOn,
	deleteComment,
	followsRep,
	markCommentsSeen,
	newFeedbackFor
} from './comments';

const OPENING = 'Good morning, this is Kevin calling from MetalHub. Do you have a minute?';

function setUp() {
	const { db, lead, otherLead, admin, trainer, rep, otherRep } = coachingWorld();
	// A finished role-play: one good reply, then the rep hangs up on the price objection.
	const finished = startAttempt(db, rep.id, 'price-call', 'en', 'text')!;
	submitTurn(db, finished.id, { mode: 'text', reply: OPENING }, 0);
	hangUp(db, finished.id);
	// A lost one: the customer asks twice, then hangs up.
	const lost = startAttempt(db, rep.id, 'price-call', 'en', 'text')!;
	for (const turn of [0, 1, 2])
		submitTurn(db, lost.id, { mode: 'text', reply: 'We have a discount on now, want it?' }, turn);
	const running = startAttempt(db, rep.id, 'price-call', 'en', 'text')!;
	return { db, lead, otherLead, admin, trainer, rep, otherRep, finished, lost, running };
}

describe('who follows a rep, and who reads a role-play', () => {
	it('a manager follows the active reps of the teams they lead; an admin anyone; nobody themselves', () => {
		const { db, lead, otherLead, admin, trainer, rep, otherRep, lost } = setUp();
		expect(db.select().from(attempts).where(eq(attempts.id, lost.id)).get()!.status).toBe('lost');
		expect(followsRep(db, lead, rep.id)).toBe(true);
		expect(followsRep(db, lead, otherRep.id)).toBe(false);
		expect(followsRep(db, otherLead, rep.id)).toBe(false);
		expect(followsRep(db, admin, rep.id)).toBe(true);
		expect(followsRep(db, admin, otherRep.id)).toBe(true);
		expect(followsRep(db, trainer, rep.id)).toBe(false);
		expect(followsRep(db, rep, rep.id)).toBe(false);
		expect(followsRep(db, otherRep, rep.id)).toBe(false);
		expect(followsRep(db, lead, lead.id)).toBe(false);
		expect(followsRep(db, admin, 'no-such-user')).toBe(false);
		// A manager who is a rep's team-mate (not its manager) does not follow them.
		const peer = peopleIn(db)('Peer', ['manager']);
		addTeamMember(db, createTeam(db, 'Peers').id, peer.id, 'rep');
		expect(followsRep(db, peer, rep.id)).toBe(false);
		setUserActive(db, rep.id, false);
		expect(followsRep(db, lead, rep.id)).toBe(false);
	});

	it('a role-play is its rep’s own, their coaches’ to read, and no one else’s; interviews are no one’s here', () => {
		const { db, lead, otherLead, admin, trainer, rep, otherRep, finished } = setUp();
		expect(attemptReader(db, rep, finished)).toBe('own');
		expect(attemptReader(db, lead, finished)).toBe('coach');
		expect(attemptReader(db, admin, finished)).toBe('coach');
		for (const user of [otherLead, trainer, otherRep])
			expect(attemptReader(db, user, finished), user.name).toBeNull();
		const interview = startAttemptOnRevision(db, {
			revisionId: finished.revisionId,
			userId: null,
			interviewId: null,
			mode: 'text'
		});
		expect(attemptReader(db, admin, interview)).toBeNull();
	});
});

describe('commenting on a role-play', () => {
	it('a manager comments on a turn and on the whole call; the comments are listed per turn, oldest first', () => {
		const { db, lead, admin, finished } = setUp();
		const first = addComment(
			db,
			lead,
			{ attemptId: finished.id, turnIndex: 0, body: '  Good opening: you asked for a minute.  ' },
			new Date('2026-05-01T09:00:00Z')
		);
		expect(first).toEqual({ ok: true, id: expect.any(String) });
		addComment(
			db,
			admin,
			{ attemptId: finished.id, turnIndex: 0, body: 'Agreed.' },
			new Date('2026-05-01T10:00:00Z')
		);
		addComment(
			db,
			lead,
			{
				attemptId: finished.id,
				turnIndex: null,
				body: 'Do not hang up on a price objection: ask about results first.\nTry it again tomorrow.'
			},
			new Date('2026-05-01T11:00:00Z')
		);
		const comments = commentsOn(db, finished.id);
		expect(comments.map((c) => [c.turnIndex, c.author, c.body])).toEqual([
			[0, 'Lead', 'Good opening: you asked for a minute.'],
			[0, 'Admin', 'Agreed.'],
			[
				null,
				'Lead',
				'Do not hang up on a price objection: ask about results first.\nTry it again tomorrow.'
			]
		]);
		const { byTurn, whole } = commentsByTurn(comments);
		expect(byTurn.get(0)?.map((c) => c.body)).toEqual([
			'Good opening: you asked for a minute.',
			'Agreed.'
		]);
		expect(byTurn.has(1)).toBe(false);
		expect(whole.map((c) => c.author)).toEqual(['Lead']);
		expect(commentsAboutRep(db, finished.userId!).map((c) => c.body)[0]).toMatch(/^Do not hang up/);
	});

	it('keeps a comment as the text typed: markup is stored as text, never as HTML', () => {
		const { db, lead, finished } = setUp();
		const body = '<script>alert(1)</script> <b>bold</b> & **not markdown**';
		addComment(db, lead, { attemptId: finished.id, turnIndex: 0, body });
		expect(commentsOn(db, finished.id)[0]!.body).toBe(body);
	});

	it('refuses whoever does not coach the rep first, whatever they sent', () => {
		const { db, otherLead, trainer, rep, otherRep, finished } = setUp();
		for (const user of [otherLead, trainer, rep, otherRep]) {
			expect(
				addComment(db, user, { attemptId: finished.id, turnIndex: 0, body: 'x' }),
				user.name
			).toEqual({ ok: false, problem: 'not-found' });
			expect(
				addComment(db, user, { attemptId: finished.id, turnIndex: 99, body: '' }),
				user.name
			).toEqual({ ok: false, problem: 'not-found' });
		}
		expect(
			addComment(db, otherLead, { attemptId: 'no-such-attempt', turnIndex: null, body: 'x' })
		).toEqual({ ok: false, problem: 'not-found' });
		expect(commentsOn(db, finished.id)).toEqual([]);
	});

	it('refuses a call still running, a turn it does not have, an empty comment and one over 2,000 characters', () => {
		const { db, lead, finished, running } = setUp();
		expect(
			addComment(db, lead, { attemptId: running.id, turnIndex: null, body: 'Too early' })
		).toEqual({ ok: false, problem: 'active' });
		expect(addComment(db, lead, { attemptId: finished.id, turnIndex: 5, body: 'x' })).toEqual({
			ok: false,
			problem: 'turn'
		});
		expect(
			addComment(db, lead, { attemptId: finished.id, turnIndex: Number.NaN, body: 'x' })
		).toEqual({ ok: false, problem: 'turn' });
		expect(
			addComment(db, lead, { attemptId: finished.id, turnIndex: 0, body: ' \n\u200b ' })
		).toEqual({ ok: false, problem: 'empty' });
		expect(
			addComment(db, lead, {
				attemptId: finished.id,
				turnIndex: 0,
				body: 'x'.repeat(COMMENT_MAX_LENGTH + 1)
			})
		).toEqual({ ok: false, problem: 'too-long' });
		expect(
			addComment(db, lead, {
				attemptId: finished.id,
				turnIndex: 0,
				body: '好'.repeat(COMMENT_MAX_LENGTH)
			}).ok
		).toBe(true);
		expect(commentsOn(db, finished.id)).toHaveLength(1);
	});

	it('a manager deletes their own comment, not another’s; someone who does not coach the rep is told nothing', () => {
		const { db, lead, admin, otherLead, finished } = setUp();
		const mine = addComment(db, lead, { attemptId: finished.id, turnIndex: 0, body: 'Mine' });
		const theirs = addComment(db, admin, { attemptId: finished.id, turnIndex: 0, body: 'Theirs' });
		if (!mine.ok || !theirs.ok) throw new Error('not added');
		expect(deleteComment(db, otherLead, { attemptId: finished.id, commentId: mine.id })).toEqual({
			ok: false,
			problem: 'not-found'
		});
		expect(deleteComment(db, lead, { attemptId: finished.id, commentId: theirs.id })).toEqual({
			ok: false,
			problem: 'gone'
		});
		expect(deleteComment(db, lead, { attemptId: 'elsewhere', commentId: mine.id })).toEqual({
			ok: false,
			problem: 'not-found'
		});
		expect(deleteComment(db, lead, { attemptId: finished.id, commentId: mine.id })).toEqual({
			ok: true
		});
		expect(deleteComment(db, lead, { attemptId: finished.id, commentId: mine.id })).toEqual({
			ok: false,
			problem: 'gone'
		});
		expect(commentsOn(db, finished.id).map((c) => c.body)).toEqual(['Theirs']);
	});
});

describe('new feedback on the rep’s home', () => {
	it('lists each role-play with unseen comments, the latest first, until the rep opens it', () => {
		const { db, lead, admin, rep, otherRep, finished, lost } = setUp();
		expect(newFeedbackFor(db, rep.id)).toEqual([]);
		addComment(
			db,
			lead,
			{ attemptId: finished.id, turnIndex: 0, body: 'One' },
			new Date('2026-05-01T09:00:00Z')
		);
		addComment(
			db,
			admin,
			{ attemptId: finished.id, turnIndex: null, body: 'Two' },
			new Date('2026-05-01T10:00:00Z')
		);
		addComment(
			db,
			lead,
			{ attemptId: finished.id, turnIndex: null, body: 'Three' },
			new Date('2026-05-01T10:30:00Z')
		);
		addComment(
			db,
			lead,
			{ attemptId: lost.id, turnIndex: 0, body: 'Later' },
			new Date('2026-05-02T09:00:00Z')
		);
		expect(newFeedbackFor(db, rep.id)).toEqual([
			{
				attemptId: lost.id,
				scenarioId: 'price-call',
				comments: 1,
				authors: ['Lead'],
				latestAt: new Date('2026-05-02T09:00:00Z')
			},
			{
				attemptId: finished.id,
				scenarioId: 'price-call',
				comments: 3,
				authors: ['Lead', 'Admin'],
				latestAt: new Date('2026-05-01T10:30:00Z')
			}
		]);
		// Only the rep's own feedback.
		expect(newFeedbackFor(db, otherRep.id)).toEqual([]);

		expect(markCommentsSeen(db, rep.id, finished.id, new Date('2026-05-03T08:00:00Z'))).toBe(3);
		expect(newFeedbackFor(db, rep.id).map((f) => f.attemptId)).toEqual([lost.id]);
		expect(
			commentsOn(db, finished.id).every(
				(c) => c.seenAt?.getTime() === new Date('2026-05-03T08:00:00Z').getTime()
			)
		).toBe(true);
		// Opening it again writes nothing; a new comment is new feedback again.
		expect(markCommentsSeen(db, rep.id, finished.id)).toBe(0);
		addComment(db, lead, { attemptId: finished.id, turnIndex: 0, body: 'One more' });
		expect(newFeedbackFor(db, rep.id).map((f) => [f.attemptId, f.comments])).toEqual([
			[finished.id, 1],
			[lost.id, 1]
		]);
		// Someone else opening the role-play (the route never asks for them) would mark nothing of another rep's.
		expect(markCommentsSeen(db, otherRep.id, finished.id)).toBe(0);
	});
});

describe('a user’s comments in their data, and with their deletion', () => {
	it('exports the comments a rep received and the ones a manager wrote', () => {
		const { db, lead, rep, finished } = setUp();
		addComment(db, lead, { attemptId: finished.id, turnIndex: 0, body: 'Good opening.' });
		addComment(db, lead, { attemptId: finished.id, turnIndex: null, body: 'Overall: ask more.' });
		const ofRep = commentsForExport(db, rep.id);
		expect(ofRep.received.map((c) => [c.attemptId, c.turnIndex, c.body, c.authorId])).toEqual([
			[finished.id, 0, 'Good opening.', lead.id],
			[finished.id, null, 'Overall: ask more.', lead.id]
		]);
		expect(ofRep.written).toEqual([]);
		const ofLead = commentsForExport(db, lead.id);
		expect(ofLead.received).toEqual([]);
		expect(ofLead.written.map((c) => [c.body, c.repId])).toEqual([
			['Good opening.', rep.id],
			['Overall: ask more.', rep.id]
		]);
	});

	it('go with the role-play, with the rep and with their author', () => {
		const { db, lead, admin, rep, finished, lost } = setUp();
		addComment(db, lead, { attemptId: finished.id, turnIndex: 0, body: 'By the lead' });
		addComment(db, admin, { attemptId: finished.id, turnIndex: 0, body: 'By the admin' });
		addComment(db, lead, { attemptId: lost.id, turnIndex: 0, body: 'On the lost call' });
		db.delete(attempts).where(eq(attempts.id, lost.id)).run();
		expect(
			db
				.select()
				.from(coachingComments)
				.all()
				.map((c) => c.body)
				.sort()
		).toEqual(['By the admin', 'By the lead']);
		db.delete(users).where(eq(users.id, lead.id)).run();
		expect(
			db
				.select()
				.from(coachingComments)
				.all()
				.map((c) => c.body)
		).toEqual(['By the admin']);
		db.delete(users).where(eq(users.id, rep.id)).run();
		expect(db.select().from(coachingComments).all()).toEqual([]);
	});
});
