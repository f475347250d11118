import { describe, expect, it } from 'vitest';
import { pageOf } from './pages';

const letters = [...'abcdefghij'];

describe('pageOf', () => {
	it('shows the requested page and says how many there are', () => {
		expect(pageOf(letters, 4, '2')).toEqual({ items: ['e', 'f', 'g', 'h'], pager: { current: 2, total: 3 } });
		expect(pageOf(letters, 4, '3').items).toEqual(['i', 'j']);
	});

	it('reads a missing, unreadable or out-of-range page as the nearest one', () => {
		expect(pageOf(letters, 4, null).pager.current).toBe(1);
		expect(pageOf(letters, 4, 'x').pager.current).toBe(1);
		expect(pageOf(letters, 4, '-3').pager.current).toBe(1);
		expect(pageOf(letters, 4, '99')).toEqual({ items: ['i', 'j'], pager: { current: 3, total: 3 } });
	});

	it('has one (empty) page for an empty list', () => {
		expect(pageOf([], 4, '2')).toEqual({ items: [], pager: { current: 1, total: 1 } });
	});
});
