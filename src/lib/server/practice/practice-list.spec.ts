import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/index';
import { insertUser } from '../accounts/users';
import { replaceAllContent, upsertContentItem } from '../content/store';
import { listPracticeScenarios } from './practice-list';
import type { ContentItem, Scenario } from '$lib/engine/content/index';
import { priceCall } from '$lib/testing/price-call.fixture';

function scenarioItem(changes: (s: Scenario) => void = () => {}): ContentItem {
	const data = priceCall();
	changes(data);
	return { kind: 'scenario', locale: 'en', id: 'price-call', data, body: '' };
}

describe('the practice list', () => {
	it('shows what a card shows of the customer, and a published change at once', () => {
		const db = createTestDatabase();
		replaceAllContent(db, [
			scenarioItem(
				(s) =>
					(s.persona = { name: 'Mr. Wang', role: 'Owner', company: 'Wang Fasteners', mood: 'Busy' })
			)
		]);
		const user = insertUser(db, {
			email: 'rep@example.com',
			name: 'Rep',
			passwordHash: 'x',
			roles: ['rep']
		});
		const [card] = listPracticeScenarios(db, user.id, 'en').scenarios;
		// The mood is for the role-play, not the list: the list does not send it to the browser.
		expect(card).toMatchObject({
			id: 'price-call',
			persona: { name: 'Mr. Wang', role: 'Owner', company: 'Wang Fasteners' },
			best: null,
			attempts: 0
		});
		expect(card!.persona).not.toHaveProperty('mood');
		upsertContentItem(
			db,
			scenarioItem((s) => (s.persona = { name: 'Ms. Lin', role: 'Buyer', company: 'Lin Tools' }))
		);
		expect(listPracticeScenarios(db, user.id, 'en').scenarios[0]!.persona).toEqual({
			name: 'Ms. Lin',
			role: 'Buyer',
			company: 'Lin Tools'
		});
	});
});
