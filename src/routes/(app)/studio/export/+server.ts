import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { exportZip } from '$lib/server/content/studio';
import { parseExportSelection } from '$lib/engine/studio/selection';

/**
 * The published content as files in a zip. A GET so that the studio's selection form downloads
 * without JavaScript: `?kind=quiz&locale=en&item=rubric:en:hiring-roleplay`; nothing ticked, everything.
 */
export const GET: RequestHandler = (event) => {
	requireRole(event, 'trainer', 'admin');
	const zip = exportZip(getDb(), parseExportSelection(event.url.searchParams));
	return new Response(Buffer.from(zip), {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': 'attachment; filename="rehearse-content.zip"',
			'cache-control': 'private, no-store'
		}
	});
};
