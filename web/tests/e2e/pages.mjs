// What the end-to-end tests of the web app share besides the server (storybank.mjs): Debian's Chromium, pages
// that collect script errors and CSP refusals, screenshots that check them, signing in, the pseudo-locale check,
// API calls from a signed-in page, and photos made in the page.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

/// Debian's Chromium (STORYBANK_CHROMIUM overrides it), headless.
export const chromiumOptions = {
  executablePath: process.env.STORYBANK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
};

export function launchBrowser() {
  return chromium.launch(chromiumOptions);
}

/// A script error, or anything the Content-Security-Policy blocked, is a failure even when the screen looks
/// right: they are collected here and checked at each screenshot (a throw in an event handler would be lost).
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

export async function newPage(browser, { width = 1280, language = 'fr-FR' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: language });
  return watch(await context.newPage());
}

/// Saves the screen's screenshot, after checking nothing went wrong in the page so far. From the top: the form's
/// save state is sticky, and would otherwise be drawn where the page was scrolled to.
export async function capture(server, page, screen) {
  await page.evaluate(() => scrollTo(0, 0));
  await server.screenshot(page, screen);
  assert.deepEqual(page.problems, [], `${screen}: problems in the page`);
}

/// Signs in through the form the app shows at `url`, or wherever the app is now when url is null.
export async function signInAt(page, url, email, password) {
  if (url) await page.goto(url);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.locator('header.top nav').waitFor();
}

export function signIn(server, page, email, password, query = '') {
  return signInAt(page, `${server.url}/app/${query}`, email, password);
}

/// How many pixels the page is wider than its window (0 or less: no sideways scrolling).
export const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

/// The visible UI texts outside [data-user-content] that are not wrapped in ⟦…⟧ (numbers and punctuation alone
/// are allowed).
export function untranslated(page) {
  return page.evaluate(() => {
    const found = [];
    const ok = (text) => /^[\s\d\p{P}\p{S}]*$/u.test(text) || /^\s*⟦[\s\S]*⟧[\s\p{P}\p{S}]*$/u.test(text);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[data-user-content], script, style, noscript')) continue;
      if (parent.closest('details:not([open]) > :not(summary)')) continue;
      if (!ok(node.textContent)) found.push(node.textContent.trim());
    }
    for (const element of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
      // A field's own placeholder or label is the UI's even where people's text is typed.
      if (element.closest('[data-user-content]') && !element.matches('input, textarea')) continue;
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(name);
        if (value !== null && !ok(value)) found.push(`${name}="${value}"`);
      }
    }
    return found;
  });
}

/// Calls the API from the signed-in page (its cookies, its anti-forgery token), for what the test prepares.
export function callApi(page, method, path, body, headers = {}) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const csrf = decodeURIComponent((document.cookie.match(/(?:^|;\s*)storybank_csrf=([^;]*)/) ?? [])[1] ?? '');
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, path, body, headers },
  );
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
