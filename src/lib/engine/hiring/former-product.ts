/*
 * "Sell what you sold before": the handbook's role-play, in which the candidate sells the product of
 * their last job. They name it; it is shown to the panel as plain text. Pure: no Kit or database.
 */
import type { Rubric } from '../content/schemas';
import { BRIEFED_CRITERIA } from './brief';

/** The longest product name, in characters: a short line ("water filters for offices"). */
export const FORMER_PRODUCT_MAX_LENGTH = 100;

export type FormerProductProblem = 'empty' | 'long';

/**
 * What the candidate's product is stored as: one line, spaces collapsed, control characters
 * dropped. It is text wherever it is shown (escaped by Svelte), never Markdown or HTML.
 */
export function readFormerProduct(
	typed: string
): { ok: true; product: string } | { ok: false; problem: FormerProductProblem } {
	const product = typed
		// Control characters (\p{Cc}), zero-width characters and direction overrides.
		.replace(/[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	if (product === '') return { ok: false, problem: 'empty' };
	if ([...product].length > FORMER_PRODUCT_MAX_LENGTH) return { ok: false, problem: 'long' };
	return { ok: true, product };
}

export function sellsFormerProduct(scenario: { formerProduct?: true }): boolean {
	return scenario.formerProduct === true;
}

/**
 * The rubric an interview pins: for a candidate selling their own former product, nothing about
 * ours is assessed, so the criteria that need our facts are left out (not merely "not assessed").
 */
export function rubricForScenario(rubric: Rubric, scenario: { formerProduct?: true }): Rubric {
	if (!sellsFormerProduct(scenario)) return rubric;
	const criteria = rubric.criteria.filter((c) => !BRIEFED_CRITERIA.includes(c.id));
	// A rubric of product knowledge alone keeps its criteria: an empty rubric could not be scored.
	return criteria.length > 0 ? { ...rubric, criteria } : rubric;
}
