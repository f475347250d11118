import { chromium } from '@playwright/test';
const base = 'http://localhost:4232';
const [,, lang = 'en', width = '1280', target = 'new'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: Number(width), height: 900 }, locale: lang === 'zh' ? 'zh-TW' : 'en-US' });
const page = await context.newPage();
const logs = [];
page.on('console', (msg) => logs.push(`${msg.type()}: ${msg.text()}`));
page.on('pageerror', (err) => logs.push(`pageerror: ${err.message}`));
await page.goto(base + '/login');
await page.locator('input[type=email]').fill('trainer@rehearse.test');
await page.locator('input[type=password]').fill('rehearse-demo-trainer');
await page.getByRole('button', { name: /^(Sign in|登入)$/ }).click();
await page.waitForURL((u) => !u.pathname.startsWith('/login'));
let url;
if (target === 'new') {
  await page.goto(base + '/studio');
  const id = `look-${lang}-${width}-${Date.now().toString(36)}`;
  await page.locator('#kind').selectOption('scenario');
  await page.locator('#locale').selectOption(lang === 'zh' ? 'zh-TW' : 'en');
  await page.locator('#id').fill(id);
  await page.locator('form.new button[type=submit]').click();
  await page.waitForURL(new RegExp(id));
} else {
  await page.goto(base + target);
}
await page.waitForTimeout(1500);
if (process.env.ADD) {
  const add = page.locator('section.add-beat');
  await add.locator('input').fill(process.env.ADD);
  await add.locator('button').click();
  await page.waitForTimeout(300);
  await page.keyboard.type(lang === 'zh' ? '太貴了吧。' : 'Too expensive.');
  await page.waitForTimeout(2000);
  await page.locator('details.beat').last().screenshot({ path: `/tmp/forms-scenario/shots/${lang}-${width}-added-beat.png` });
  await page.locator('.side').screenshot({ path: `/tmp/forms-scenario/shots/${lang}-${width}-side.png` });
}
const name = `${lang}-${width}-${target === 'new' ? 'new' : 'existing'}`;
if (process.env.OPEN) for (const d of await page.locator('details.beat').all()) await d.evaluate((el) => (el.open = true));
await page.waitForTimeout(300);
const height = await page.evaluate(() => document.documentElement.scrollHeight);
const chunk = Number(width) < 600 ? 1100 : 1300;
const start = Number(process.env.FROM ?? 0);
for (let y = start, i = 0; y < height && i < Number(process.env.MAX ?? 4); y += chunk, i++) {
  await page.screenshot({ path: `/tmp/forms-scenario/shots/${name}-${i}.png`, fullPage: true, clip: { x: 0, y, width: Number(width), height: Math.min(chunk, height - y) } });
}
console.log('height', height);
console.log(logs.join('\n'));
await browser.close();
