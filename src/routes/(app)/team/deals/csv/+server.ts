import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { contentLocale } from '$lib/server/content/locale';
import { toCsv } from '$lib/server/csv';
import { dealReview } from '$lib/server/coaching/deals';
import { dealReviewTable } from '$lib/server/coaching/deals-csv';
import { localIsoDate } from '$lib/calendar';

export const GET: RequestHandler = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const review = dealReview(
		getDb(),
		user,
		localIsoDate(new Date()),
		event.url.searchParams.get('team')
	);
	const csv = toCsv(dealReviewTable(review, contentLocale()));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="deal-review.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
