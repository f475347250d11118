// Kept free of server and Kit imports: the end-to-end tests sign in with these too.
import type { Locale, Role } from './roles';

export interface DemoAccount {
	role: Role;
	email: string;
	password: string;
	name: string;
}

/** The demo organisation's people. Passwords are public on purpose: the UI says it is a demo. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
	{
		role: 'admin',
		email: 'admin@rehearse.test',
		password: 'rehearse-demo-admin',
		name: '陳志明 Chen Chih-ming'
	},
	{
		role: 'trainer',
		email: 'trainer@rehearse.test',
		password: 'rehearse-demo-trainer',
		name: '林佳慧 Lin Chia-hui'
	},
	{
		role: 'manager',
		email: 'manager@rehearse.test',
		password: 'rehearse-demo-manager',
		name: '王建國 Wang Chien-kuo'
	},
	{
		role: 'rep',
		email: 'rep@rehearse.test',
		password: 'rehearse-demo-rep',
		name: '張小雯 Chang Hsiao-wen'
	}
];
/**
 * The rest of the demo team: reps nobody signs in as (their passwords are unusable). The demo's
 * history (`src/lib/server/demo-history.ts`) gives them their practice; a locale is the language
 * they chose, as a rep who reads the app in Chinese would have.
 */
export const DEMO_EXTRA_REPS: readonly { email: string; name: string; locale?: Locale }[] = [
	{ email: 'rep2@rehearse.test', name: '李冠宇 Lee Kuan-yu' },
	{ email: 'rep3@rehearse.test', name: '黃怡君 Huang Yi-chun', locale: 'zh-TW' },
	{ email: 'rep4@rehearse.test', name: '陳美玲 Chen Mei-ling', locale: 'zh-TW' },
	{ email: 'rep5@rehearse.test', name: '吳家豪 Wu Chia-hao' },
	{ email: 'rep6@rehearse.test', name: '林依婷 Lin Yi-ting' }
];
