// Kept free of server and Kit imports: the end-to-end tests sign in with these too.
import type { Role } from './roles';

export interface DemoAccount {
	role: Role;
	email: string;
	password: string;
	name: string;
}

/** The demo organisation's people. Passwords are public on purpose: the UI says it is a demo. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
	{ role: 'admin', email: 'admin@rehearse.test', password: 'rehearse-demo-admin', name: '陳志明 Chen Chih-ming' },
	{ role: 'trainer', email: 'trainer@rehearse.test', password: 'rehearse-demo-trainer', name: '林佳慧 Lin Chia-hui' },
	{ role: 'manager', email: 'manager@rehearse.test', password: 'rehearse-demo-manager', name: '王建國 Wang Chien-kuo' },
	{ role: 'rep', email: 'rep@rehearse.test', password: 'rehearse-demo-rep', name: '張小雯 Chang Hsiao-wen' }
];
export const DEMO_EXTRA_REPS = [
	{ email: 'rep2@rehearse.test', name: '李冠宇 Lee Kuan-yu' },
	{ email: 'rep3@rehearse.test', name: '黃怡君 Huang Yi-chun' }
];
