// Makes the benchmark's spoken reply as a browser posts it (tests/fixtures/audio/bench-reply-20s.webm):
// the 20-second WAV the bench builds from the committed espeak-ng fixture (bench/spoken.ts), played
// into Chromium's MediaRecorder at call mode's bit rate, which writes Opus in WebM as the practice
// room does. Offline: it needs only Debian's chromium. The file is committed, so the bench needs
// nothing more; run this only to change it.
// Usage: npx tsx scripts/bench-webm-fixture.ts   (takes the 20 seconds the recording lasts)
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { RECORDING_BITS_PER_SECOND } from '../src/lib/components/call-recording';
import { SPOKEN_WEBM_FIXTURE, spokenWav } from '../bench/spoken';
import { fixturePath } from '../tests/e2e/fake-transcriber';

const wav = spokenWav();
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-dev-shm-usage',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--autoplay-policy=no-user-gesture-required'
	]
});
try {
	const page = await browser.newPage();
	const recorded = await page.evaluate(
		async ({ wavBase64, bitsPerSecond }) => {
			const wavBytes = Uint8Array.from(atob(wavBase64), (c) => c.charCodeAt(0));
			const context = new AudioContext();
			await context.resume();
			const audio = await context.decodeAudioData(wavBytes.buffer);
			const source = context.createBufferSource();
			source.buffer = audio;
			const destination = context.createMediaStreamDestination();
			source.connect(destination);
			const recorder = new MediaRecorder(destination.stream, {
				mimeType: 'audio/webm;codecs=opus',
				audioBitsPerSecond: bitsPerSecond
			});
			const chunks: Blob[] = [];
			recorder.ondataavailable = (event) => chunks.push(event.data);
			const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
			source.onended = () => recorder.stop();
			recorder.start();
			source.start();
			await stopped;
			const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
			let binary = '';
			for (const byte of bytes) binary += String.fromCharCode(byte);
			return { base64: btoa(binary), mimeType: recorder.mimeType };
		},
		{
			wavBase64: Buffer.from(wav.bytes).toString('base64'),
			bitsPerSecond: RECORDING_BITS_PER_SECOND
		}
	);
	const bytes = Buffer.from(recorded.base64, 'base64');
	writeFileSync(fixturePath(SPOKEN_WEBM_FIXTURE), bytes);
	console.log(
		`${SPOKEN_WEBM_FIXTURE}: ${(bytes.length / 1024).toFixed(1)} kB of ${recorded.mimeType}, ${wav.durationMs / 1000} s at ${RECORDING_BITS_PER_SECOND / 1000} kbit/s`
	);
} finally {
	await browser.close();
}
