import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8, zipSync } from 'fflate';
import { readZip, ZIP_LIMITS } from './zip';

/**
 * A zip of `count` entries that each inflate to `bytes` zeros while declaring `declared` bytes, as
 * a zip bomb is made: the compressed data is written once and repeated.
 */
function bomb(count: number, bytes: number, declared = bytes): Uint8Array {
	const data = deflateSync(new Uint8Array(bytes), { level: 1 });
	const parts: Uint8Array[] = [];
	for (let i = 0; i < count; i++) {
		const name = strToU8(`content/en/knowledge/a${i}.md`);
		const header = new DataView(new ArrayBuffer(30));
		header.setUint32(0, 0x04034b50, true);
		header.setUint16(4, 20, true);
		header.setUint16(8, 8, true); // deflate
		header.setUint32(18, data.length, true);
		header.setUint32(22, declared, true);
		header.setUint16(26, name.length, true);
		parts.push(new Uint8Array(header.buffer), name, data);
	}
	const zip = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	parts.reduce((at, part) => (zip.set(part, at), at + part.length), 0);
	return zip;
}

describe('unpacking an uploaded zip within limits', () => {
	it('unpacks an ordinary zip, stored or compressed', () => {
		const zip = zipSync({ 'content/en/a.md': strToU8('hello'), 'content/en/b.md': [strToU8('world'), { level: 0 }] });
		expect(readZip(zip)).toEqual({ ok: true, entries: [{ path: 'content/en/a.md', bytes: strToU8('hello') }, { path: 'content/en/b.md', bytes: strToU8('world') }] });
	});

	it('refuses the reported zip bomb (60 entries of 10 MB in a few kilobytes) at its first entry, whatever sizes it declares', () => {
		for (const declared of [10_000_000, 100]) {
			const zip = bomb(60, 10_000_000, declared);
			expect(zip.length).toBeLessThan(1_000_000);
			expect(readZip(zip)).toEqual({ ok: false, refused: { what: 'entry', file: 'content/en/knowledge/a0.md', limit: ZIP_LIMITS.entryBytes } });
		}
	});

	it('refuses a zip that unpacks to more than the total, though each entry is within its limit', () => {
		const count = Math.ceil(ZIP_LIMITS.totalBytes / ZIP_LIMITS.entryBytes) + 1;
		expect(readZip(bomb(count, ZIP_LIMITS.entryBytes, 1))).toEqual({ ok: false, refused: { what: 'total', limit: ZIP_LIMITS.totalBytes } });
		expect(readZip(bomb(count - 2, ZIP_LIMITS.entryBytes))).toMatchObject({ ok: true });
	});

	it('refuses a zip of more entries than the limit', () => {
		const entries = Object.fromEntries(Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => [`e${i}`, strToU8('x')]));
		expect(readZip(zipSync(entries))).toEqual({ ok: false, refused: { what: 'entries', limit: ZIP_LIMITS.entries } });
	});

	it('says a broken or cut-off zip is no zip', () => {
		const zip = zipSync({ 'content/en/a.md': strToU8('hello '.repeat(1000)) });
		expect(readZip(strToU8('not a zip'))).toEqual({ ok: false, refused: { what: 'not-zip' } });
		expect(readZip(zip.subarray(0, 60))).toEqual({ ok: false, refused: { what: 'not-zip' } });
	});
});
