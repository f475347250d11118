// Makes the spoken-reply fixtures of the call-mode tests (tests/fixtures/audio/*.wav) from the
// texts in transcripts.json with espeak-ng, which speaks Mandarin and English. The WAV files are
// committed, so the tests (and CI) need no espeak-ng: run this only to change them.
// Usage: node scripts/voice-fixtures.mjs [file.wav …]   (needs `apt-get install espeak-ng`)
// With names, only those fixtures are made again; without, all of them.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = 'tests/fixtures/audio';
const fixtures = JSON.parse(readFileSync(join(folder, 'transcripts.json'), 'utf8'));
const only = process.argv.slice(2);

/**
 * Silence after the speech, for the test of "a pause sends": espeak-ng writes a plain 44-byte PCM
 * header, whose two sizes grow with the zeros added after the samples.
 */
function addSilence(path, ms) {
	const wav = readFileSync(path);
	if (wav.toString('latin1', 36, 40) !== 'data') throw new Error(`${path}: not a plain PCM WAV`);
	const bytesPerSecond = wav.readUInt32LE(28);
	const silence = Buffer.alloc(Math.round((bytesPerSecond * ms) / 1000 / 2) * 2);
	const out = Buffer.concat([wav, silence]);
	out.writeUInt32LE(out.length - 8, 4);
	out.writeUInt32LE(wav.readUInt32LE(40) + silence.length, 40);
	writeFileSync(path, out);
}

for (const [file, { voice, text, silenceAfterMs }] of Object.entries(fixtures)) {
	if (only.length > 0 && !only.includes(file)) continue;
	// A little slower than espeak's default, as a rep on the phone speaks.
	execFileSync('espeak-ng', ['-v', voice, '-s', '150', '-w', join(folder, file), text]);
	if (silenceAfterMs) addSilence(join(folder, file), silenceAfterMs);
	console.log(`${file}: ${text}${silenceAfterMs ? ` (then ${silenceAfterMs} ms of silence)` : ''}`);
}
