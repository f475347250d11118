import type { Transport } from '@sveltejs/kit';
import { ServerRendered } from '$lib/server-rendered';

export const transport: Transport = {
	ServerRendered: {
		// Any truthy value tells Kit the type is handled; the data itself is never written out.
		encode: (value) => value instanceof ServerRendered && 1,
		decode: () => {
			throw new Error(
				'Data rendered on the server only reached the browser: a page using serverRendered() must set csr = false'
			);
		}
	}
};
