/*
 * A candidate's brief: what they are told of the product, the company, the prices and the customer
 * before the role-play. Without one they cannot know product facts, so those are not assessed.
 * Pure: no Kit, database or clock.
 */
import type { Scenario } from '../content';

/** The longest brief, in characters. */
export const BRIEF_MAX_LENGTH = 4000;

/** Criteria a candidate can meet only if told the facts: not assessed without a brief. */
export const BRIEFED_CRITERIA: readonly string[] = ['product-knowledge'];

export function isBriefed(interview: { brief: string }): boolean {
	return interview.brief.trim() !== '';
}

/**
 * What the new-interview form starts the brief with, from what the scenario's content offers: who
 * the customer is, and the call's objective when it has one. The manager adds the product and prices.
 */
export function briefFromScenario(
	scenario: Pick<Scenario, 'persona' | 'objective'>,
	labels: { customer: string; objective: string }
): string {
	const { name, role, company, mood } = scenario.persona;
	const customer = `**${labels.customer}:** ${name}, ${role}, ${company}${mood ? ` (${mood})` : ''}`;
	return scenario.objective
		? `${customer}\n\n**${labels.objective}:** ${scenario.objective}`
		: customer;
}

/**
 * The scenario as an unbriefed candidate's replies are scored against: the key points of the
 * criteria that need a brief taken out, so the automatic score neither counts nor misses them.
 */
export function withoutBriefedCriteria(scenario: Scenario): Scenario {
	const beats = Object.fromEntries(
		Object.entries(scenario.beats).map(([id, beat]) => [
			id,
			{
				...beat,
				expect: beat.expect.filter(
					(point) => !point.criterion || !BRIEFED_CRITERIA.includes(point.criterion)
				)
			}
		])
	);
	return { ...scenario, beats };
}

/** Whether the scenario scores any key point that needs a brief (so "not assessed" is worth saying). */
export function assessesBriefedCriteria(scenario: Pick<Scenario, 'beats' | 'criteria'>): boolean {
	return (
		scenario.criteria.some((criterion) => BRIEFED_CRITERIA.includes(criterion)) ||
		Object.values(scenario.beats).some((beat) =>
			beat.expect.some((point) => point.criterion && BRIEFED_CRITERIA.includes(point.criterion))
		)
	);
}
