import { m } from '$lib/paraglide/messages';
import type { ActionDueState } from '$lib/engine/coaching/one-to-ones';
import type { OneToOneProblem } from '$lib/server/coaching/one-to-ones';

/** Where an open action stands, in words: "Overdue by 2 days", "Due today", "Due tomorrow", "Due in 4 days". */
export function dueText(due: { state: ActionDueState; days: number }): string {
	if (due.state === 'overdue') return m.one_to_one_due_overdue({ count: due.days });
	if (due.state === 'today') return m.one_to_one_due_today();
	return due.days === 1 ? m.one_to_one_due_tomorrow() : m.one_to_one_due_in({ count: due.days });
}

/** Who does an action, as its reader says it: the rep reads "You do it", a coach "The rep does it". */
export function ownerText(owner: 'rep' | 'manager', reader: 'rep' | 'coach'): string {
	if (reader === 'rep')
		return owner === 'rep' ? m.one_to_one_owner_is_you() : m.one_to_one_owner_is_your_manager();
	return owner === 'rep' ? m.one_to_one_owner_is_rep() : m.one_to_one_owner_is_manager();
}

/** What a form's problem says, in the reader's language. */
export function oneToOneProblemText(problem: OneToOneProblem): string {
	switch (problem.field) {
		case 'heldOn':
			return problem.problem === 'future'
				? m.one_to_one_problem_date_future()
				: m.one_to_one_problem_date_invalid();
		case 'notes':
			return problem.problem === 'too-long'
				? m.one_to_one_problem_notes_long()
				: m.one_to_one_problem_empty();
		case 'actions':
			return m.one_to_one_problem_too_many();
		case 'rolePlays':
			return m.one_to_one_problem_links();
		case 'action':
		case 'open':
			return {
				'too-long': m.one_to_one_problem_action_long,
				owner: m.one_to_one_problem_owner,
				'due-missing': m.one_to_one_problem_due_missing,
				'due-invalid': m.one_to_one_problem_due_invalid,
				'due-before-talk': m.one_to_one_problem_due_before
			}[problem.problem]();
	}
}
