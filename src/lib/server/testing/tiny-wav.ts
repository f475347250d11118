/** The first bytes of a WAV file, then some samples: enough for a recording's type to be told. */
export const TINY_WAV = new Uint8Array([
	...Array.from('RIFF', (c) => c.charCodeAt(0)),
	36,
	0,
	0,
	0,
	...Array.from('WAVEfmt ', (c) => c.charCodeAt(0)),
	...new Array(64).fill(7)
]);
