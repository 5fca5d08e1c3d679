// What the form tests share: Debian's Chromium, pages that collect script errors and CSP refusals, signing in,
// and the pseudo-locale check.
import assert from 'node:assert/strict';

export const chromiumOptions = {
  executablePath: process.env.STORYBANK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
};

/// A script error, or anything the Content-Security-Policy blocked, is a failure even when the screen looks right.
export function watch(page) {
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`script error on ${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|MIME type/i.test(message.text())) {
      page.problems.push(`on ${page.url()}: ${message.text()}`);
    }
  });
  return page;
}

export async function capture(server, page, screen) {
  // From the top: the form's save state is sticky, and would otherwise be drawn where the page was scrolled to.
  await page.evaluate(() => scrollTo(0, 0));
  await server.screenshot(page, screen);
  assert.deepEqual(page.problems, [], `${screen}: problems in the page`);
}

/// Signs in through the form the app shows (at `url`, or wherever the app is now when url is null).
export async function signIn(page, url, email, password) {
  if (url) await page.goto(url);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.locator('header.top nav').waitFor();
}

/// The visible UI texts outside [data-user-content] that are not wrapped in ⟦…⟧ (see stories.test.mjs).
export function untranslated(page) {
  return page.evaluate(() => {
    const found = [];
    const ok = (text) => /^[\s\d\p{P}\p{S}]*$/u.test(text) || /^\s*⟦[\s\S]*⟧[\s\p{P}\p{S}]*$/u.test(text);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[data-user-content], script, style, noscript')) continue;
      if (!ok(node.textContent)) found.push(node.textContent.trim());
    }
    for (const element of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (element.closest('[data-user-content]') && !element.matches('input, textarea')) continue;
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(name);
        if (value !== null && !ok(value)) found.push(`${name}="${value}"`);
      }
    }
    return found;
  });
}

/// A small JPEG drawn in the page (a coloured field with a label), as the bytes a camera would give.
export async function makeJpeg(page, color, width = 1600, height = 1200) {
  const base64 = await page.evaluate(
    ({ color, width, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      context.fillStyle = color;
      context.fillRect(0, 0, width, height);
      context.fillStyle = '#ffffff';
      context.font = '120px sans-serif';
      context.fillText('storybank', 80, 240);
      return canvas.toDataURL('image/jpeg', 0.8).split(',')[1];
    },
    { color, width, height },
  );
  return Buffer.from(base64, 'base64');
}
