// Makes the spoken-reply fixtures of the call-mode tests (tests/fixtures/audio/*.wav) from the
// texts in transcripts.json with espeak-ng, which speaks Mandarin and English. The WAV files are
// committed, so the tests (and CI) need no espeak-ng: run this only to change them.
// Usage: node scripts/voice-fixtures.mjs   (needs `apt-get install espeak-ng`)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = 'tests/fixtures/audio';
const fixtures = JSON.parse(readFileSync(join(folder, 'transcripts.json'), 'utf8'));
for (const [file, { voice, text }] of Object.entries(fixtures)) {
	// A little slower than espeak's default, as a rep on the phone speaks.
	execFileSync('espeak-ng', ['-v', voice, '-s', '150', '-w', join(folder, file), text]);
	console.log(`${file}: ${text}`);
}
