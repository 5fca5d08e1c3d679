// What the end-to-end tests of the web app share besides the server (storybank.mjs): a browser page that
// collects script errors and CSP refusals, screenshots that check them, signing in, and the pseudo-locale check.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.STORYBANK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

export async function newPage(browser, { width = 1280, language = 'fr-FR' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: language });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`script error on ${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|MIME type/i.test(message.text())) {
      page.problems.push(`on ${page.url()}: ${message.text()}`);
    }
  });
  return page;
}

/// Saves the screen's screenshot, after checking nothing went wrong in the page so far.
export async function capture(server, page, screen) {
  await server.screenshot(page, screen);
  assert.deepEqual(page.problems, [], `${screen}: problems in the page`);
}

export async function signIn(server, page, email, password, query = '') {
  await page.goto(`${server.url}/app/${query}`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.locator('header.top nav').waitFor();
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
      if (element.closest('[data-user-content]')) continue;
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
