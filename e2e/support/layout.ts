/** Layout checks the display specs share: no sideways page scroll, text that reads in order. */
import { expect, type Locator, type Page } from '@playwright/test';

export const NARROW = { width: 390, height: 844 };
export const WIDE = { width: 1366, height: 900 };

/** The page is no wider than the viewport (a wide table or a long name scrolls in its own box, or wraps). */
export async function expectNoHorizontalOverflow(page: Page, state: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page width in state "${state}" (viewport ${innerWidth} px)`).toBeLessThanOrEqual(innerWidth);
}

/**
 * The first `count` characters of the element's text are laid out left to right, one after the other, as an
 * LTR reader reads them: a bidi override before it (an unescaped U+202E in a name) would lay them out reversed.
 */
export async function expectReadsLeftToRight(locator: Locator, count = 12): Promise<void> {
  const lefts = await locator.evaluate((element, n) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const positions: { left: number; top: number }[] = [];
    for (let node = walker.nextNode(); node && positions.length < n; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length && positions.length < n; i++) {
        if (text[i] === ' ') continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        positions.push({ left: rect.left, top: Math.round(rect.top) });
      }
    }
    return positions;
  }, count);
  expect(lefts.length).toBeGreaterThan(1);
  // In reading order: each character right of the one before on its line, or on a later line (wrapping).
  const outOfOrder = lefts.findIndex(
    (position, i) =>
      i > 0 &&
      !(position.top > lefts[i - 1]!.top || (position.top === lefts[i - 1]!.top && position.left > lefts[i - 1]!.left)),
  );
  expect(outOfOrder, `character positions in reading order: ${JSON.stringify(lefts)}`).toBe(-1);
}
