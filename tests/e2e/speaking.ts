import { test } from '@playwright/test';
import config from '../../playwright.config';
import { startOwnServer, type OwnServer } from './own-server';
import { fixturePath, startFakeTranscriber, type FakeTranscriber } from './fake-transcriber';

const PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * For a spec file whose browser speaks: Chromium's fake microphone plays `fixture` over and over,
 * and the file's tests run in order against an own server of the app (`name`, `slot`: see
 * startOwnServer) whose transcription server is the fake one, on the suite's port +
 * `transcriberOffset`. The server and transcriber are there once the file's tests run.
 */
export function speakingSuite(
	name: string,
	slot: number,
	transcriberOffset: number,
	fixture: string
): { server: OwnServer; transcriber: FakeTranscriber } {
	const launch = config.use!.launchOptions!;
	test.use({
		launchOptions: {
			...launch,
			args: [
				...(launch.args ?? []),
				'--use-fake-ui-for-media-stream',
				'--use-fake-device-for-media-stream',
				`--use-file-for-fake-audio-capture=${fixturePath(fixture)}`
			]
		}
	});
	test.describe.configure({ mode: 'serial' });
	const suite = {} as { server: OwnServer; transcriber: FakeTranscriber };
	test.beforeAll(async () => {
		suite.transcriber = await startFakeTranscriber(PORT + transcriberOffset);
		suite.server = await startOwnServer(name, slot, { STT_URL: suite.transcriber.url });
	});
	test.afterAll(async () => {
		await suite.server?.stop();
		await suite.transcriber?.stop();
	});
	return suite;
}
