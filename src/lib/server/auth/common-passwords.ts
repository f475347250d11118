/**
 * Passwords of ten characters or more that top the public breach lists, plus the obvious ones for
 * this product. Shorter ones are refused by length already.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
	'1234567890', '12345678910', '123456789a', '0123456789', '0987654321', '1111111111',
	'1q2w3e4r5t', '1qaz2wsx3edc', 'qwertyuiop', 'qwerty1234', 'qwerty12345', 'asdfghjkl1',
	'password12', 'password123', 'password1234', 'password!', 'passw0rd123', 'p@ssw0rd123',
	'iloveyou12', 'iloveyou123', 'abcdefghij', 'abc1234567', 'abcd123456', 'a123456789',
	'welcome123', 'welcome1234', 'letmein123', 'changeme123', 'administrator', 'admin12345',
	'admin123456', 'sunshine12', 'football12', 'baseball12', 'princess12', 'dragon1234',
	'monkey1234', 'superman12', 'trustno1234', 'starwars12', 'whatever12', 'zaq12wsxcde',
	'qazwsxedc123', '!qaz2wsx3edc', 'zxcvbnm123', 'asdfasdfasdf', 'aaaaaaaaaa1', 'test123456',
	'testtest12', 'computer12', 'internet12', 'samsung123', 'google1234', 'michael123',
	'jennifer12', 'charlie123', 'pokemon123', 'shadow1234', 'master1234', 'killer1234',
	'rehearse123', 'rehearse1234', 'rehearsal123', 'sales12345', 'salesforce1', 'metalhub123',
	'taiwan1234', 'taipei1234', 'woaini1314', 'woaini520', 'aa12345678', 'qq123456789'
]);
