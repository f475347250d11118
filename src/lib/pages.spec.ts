import { describe, expect, it } from 'vitest';
import { pageAt, pageOf } from './pages';

const letters = [...'abcdefghij'];

describe('pageOf', () => {
	it('shows the requested page and says how many there are', () => {
		expect(pageOf(letters, 4, '2')).toEqual({
			items: ['e', 'f', 'g', 'h'],
			pager: { current: 2, total: 3 }
		});
		expect(pageOf(letters, 4, '3').items).toEqual(['i', 'j']);
	});

	it('reads a missing, unreadable or out-of-range page as the nearest one', () => {
		expect(pageOf(letters, 4, null).pager.current).toBe(1);
		expect(pageOf(letters, 4, 'x').pager.current).toBe(1);
		expect(pageOf(letters, 4, '-3').pager.current).toBe(1);
		expect(pageOf(letters, 4, '99')).toEqual({
			items: ['i', 'j'],
			pager: { current: 3, total: 3 }
		});
	});

	it('has one (empty) page for an empty list', () => {
		expect(pageOf([], 4, '2')).toEqual({ items: [], pager: { current: 1, total: 1 } });
	});
});

describe('pageAt', () => {
	it('says where a page of a counted list starts, for lists cut where they are read', () => {
		expect(pageAt(79, 25, '2')).toEqual({ offset: 25, limit: 25, pager: { current: 2, total: 4 } });
		expect(pageAt(79, 25, '99')).toEqual({
			offset: 75,
			limit: 25,
			pager: { current: 4, total: 4 }
		});
		expect(pageAt(79, 25, 'x')).toEqual({ offset: 0, limit: 25, pager: { current: 1, total: 4 } });
		expect(pageAt(0, 25, '3')).toEqual({ offset: 0, limit: 25, pager: { current: 1, total: 1 } });
	});

	it('takes a whole list as one page', () => {
		expect(pageAt(10, Infinity, null)).toEqual({
			offset: 0,
			limit: Infinity,
			pager: { current: 1, total: 1 }
		});
		expect(pageOf(letters, Infinity, null).items).toEqual(letters);
	});
});
