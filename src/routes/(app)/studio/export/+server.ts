import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { exportZip, isContentKind } from '$lib/server/studio';

/** The content as files in a zip; `?kind=scenario&kind=script` limits it to those kinds. */
export const GET: RequestHandler = (event) => {
	requireRole(event, 'trainer', 'admin');
	const kinds = event.url.searchParams.getAll('kind').filter(isContentKind);
	const zip = exportZip(getDb(), kinds.length > 0 ? kinds : undefined);
	return new Response(Buffer.from(zip), { headers: { 'content-type': 'application/zip', 'content-disposition': 'attachment; filename="rehearse-content.zip"', 'cache-control': 'private, no-store' } });
};
