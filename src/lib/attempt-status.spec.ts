import { describe, expect, it } from 'vitest';
import {
	ATTEMPT_STATUSES,
	countsAsPractice,
	isFinished,
	type AttemptStatus
} from './attempt-status';

// What each status counts as, everywhere role-plays are counted: a result (scored, averaged,
// ranked, "finished"), practice only (running), or nothing at all (hung up).
const TABLE: Record<AttemptStatus, { finished: boolean; practice: boolean }> = {
	active: { finished: false, practice: true },
	won: { finished: true, practice: true },
	lost: { finished: true, practice: true },
	neutral: { finished: true, practice: true },
	timeout: { finished: true, practice: true },
	abandoned: { finished: false, practice: false }
};

describe('what a role-play counts as', () => {
	it('has a line in the table for every status', () => {
		expect(Object.keys(TABLE).sort()).toEqual([...ATTEMPT_STATUSES].sort());
	});

	it.each(ATTEMPT_STATUSES)('%s', (status) => {
		expect({ finished: isFinished(status), practice: countsAsPractice(status) }).toEqual(
			TABLE[status]
		);
	});

	it('a finished role-play is always practice', () => {
		expect(
			ATTEMPT_STATUSES.filter((status) => isFinished(status) && !countsAsPractice(status))
		).toEqual([]);
	});
});
