import { expect, test, type Locator } from '@playwright/test';
import { signInAs } from './helpers';

/** The rectangles of the drawing's beat boxes, in the page's pixels. */
async function boxesOf(
	drawing: Locator
): Promise<{ left: number; top: number; right: number; bottom: number }[]> {
	return drawing.locator('g.node rect').evaluateAll((rects) =>
		rects.map((rect) => {
			const at = rect.getBoundingClientRect();
			return { left: at.left, top: at.top, right: at.right, bottom: at.bottom };
		})
	);
}

test('the call flow of the largest scenario: beats apart, rules drawn with their conditions, loops beside their beats; on a phone it scrolls at a legible size', async ({
	page
}) => {
	await signInAs(page, 'trainer');
	await page.goto('/studio/scenario/en/offline-factory-owner');
	const figure = page.locator('figure', {
		has: page.getByRole('img', { name: /^Beats from top/ })
	});
	const drawing = figure.getByRole('img', { name: /^Beats from top \(start\) to bottom/ });
	await expect(drawing).toBeVisible();
	await expect(figure.locator('figcaption')).toContainText(
		'a loop beside a beat: the rep tries it again'
	);

	// Ten beats, none on another; 21 rules, the seven "try again" ones as loops, each condition shown.
	const boxes = await boxesOf(drawing);
	expect(boxes).toHaveLength(10);
	// Drawn as SVG, not as unknown HTML elements of no size.
	for (const box of boxes) expect(box.right - box.left).toBeGreaterThan(50);
	for (const [i, a] of boxes.entries())
		for (const b of boxes.slice(i + 1))
			expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).toBe(
				false
			);
	await expect(drawing.locator('path.edge')).toHaveCount(21);
	await expect(drawing.locator('path.edge.loop')).toHaveCount(7);
	await expect(drawing.locator('g.rule text', { hasText: '< 2×' })).toHaveCount(7);
	await expect(drawing.locator('g.rule text', { hasText: '≥ 0.7' })).toHaveCount(7);

	// The same flow as text, for a screen reader.
	await figure
		.locator('xpath=following-sibling::details[1]')
		.getByText('The call flow as text')
		.click();
	await expect(page.getByRole('listitem').filter({ hasText: /^greet/ })).toContainText(
		'→ no-online (≥ 0.7) · greet (< 2×) · annoyed'
	);

	// On a phone the drawing keeps its size and scrolls sideways, by keyboard too.
	await page.setViewportSize({ width: 375, height: 800 });
	const [scrollWidth, clientWidth] = await figure.evaluate((el) => [
		el.scrollWidth,
		el.clientWidth
	]);
	expect(scrollWidth).toBeGreaterThan(clientWidth);
	await figure.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => figure.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
	const narrow = await boxesOf(drawing);
	// A box drawn at 150 units stays at least 100 pixels wide.
	expect(Math.min(...narrow.map((b) => b.right - b.left))).toBeGreaterThanOrEqual(100);
});
