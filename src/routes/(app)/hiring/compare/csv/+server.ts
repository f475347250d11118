import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { comparePosition } from '$lib/server/hiring/comparison';
import { formerProductsOf } from '$lib/server/hiring/hiring';
import { csvDateTime, toCsv } from '$lib/server/csv';
import { m } from '$lib/paraglide/messages';

export const GET: RequestHandler = (event) => {
	const user = requireRole(event, 'manager', 'admin');
	const position = event.url.searchParams.get('position') ?? '';
	const db = getDb();
	const rows = comparePosition(db, user, position);
	// Typed by candidates: toCsv keeps a cell that starts like a formula as text.
	const formerProducts = formerProductsOf(
		db,
		rows.map(([interviewId]) => interviewId)
	);
	const csv = toCsv([
		[
			m.csv_candidate(),
			m.csv_position(),
			m.csv_date(),
			m.csv_mode(),
			m.compare_score(),
			m.interview_spread(),
			m.recommendation_strong_yes(),
			m.recommendation_yes(),
			m.recommendation_no(),
			m.recommendation_strong_no(),
			m.csv_submitted(),
			m.compare_auto(),
			m.former_product_column()
		],
		...rows.map(
			([
				interviewId,
				candidate,
				scheduledAt,
				mode,
				score,
				spread,
				strongYes,
				yes,
				no,
				strongNo,
				submitted,
				panelSize,
				autoScore
			]) => [
				candidate,
				position,
				csvDateTime(new Date(scheduledAt)),
				mode,
				spread === null ? m.compare_hidden() : score,
				spread,
				strongYes,
				yes,
				no,
				strongNo,
				`${submitted}/${panelSize}`,
				autoScore,
				formerProducts[interviewId] ?? ''
			]
		)
	]);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="candidates.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
