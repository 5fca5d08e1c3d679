// End to end: the real storybank binary on 127.0.0.1 over a fresh data folder made with its CLI, driven through
// Debian's Chromium. A contributor finds, opens and submits a story; a reviewer finds it in the queue; then every
// screen again in the pseudo-locale, where any visible text outside ⟦…⟧ is a string that escaped translation.
// Each screen's screenshot is kept in STORYBANK_E2E_ARTIFACTS (ctest sets it under the build folder).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { checkAccessibility } from './accessibility.mjs';
import { startStorybank } from './storybank.mjs';

const password = 'correct-horse-battery-9';
const title = "ENGAGEMENT DU RESEAU THINK PEACE-ARC CONTRE L'EXTREMISME VIOLENT";
let server;
let browser;

before(async () => {
  server = await startStorybank({
    name: 'stories',
    password,
    setup: [
      ['org', 'add', 'Human Security Collective (HSC)', '--kind', 'member'],
      ['org', 'add', 'Think Peace', '--kind', 'partner', '--works-with', 'Human Security Collective (HSC)'],
      ['user', 'add', 'awa@thinkpeace.org', '--org', 'Think Peace', '--role', 'contributor', '--name', 'Awa Traoré'],
      ['user', 'add', 'moussa@hsc.org', '--org', 'Human Security Collective (HSC)', '--role', 'reviewer', '--name', 'Moussa Diallo'],
      ['import', 'tests/data/think-peace-mali.txt'],
    ],
  });
  browser = await chromium.launch({
    executablePath: process.env.STORYBANK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage({ width = 1280, language = 'fr-FR' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: language });
  const page = await context.newPage();
  // A script error, or anything the Content-Security-Policy blocked, is a failure even when the screen looks
  // right: they are collected here and checked at each screenshot (a throw in an event handler would be lost).
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
async function capture(page, screen) {
  await server.screenshot(page, screen);
  assert.deepEqual(page.problems, [], `${screen}: problems in the page`);
}

async function signIn(page, email, query = '') {
  await page.goto(`${server.url}/app/${query}`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.locator('header.top nav').waitFor();
}

test('a contributor finds, opens and submits a story; a reviewer finds it in the queue', async () => {
  const page = await newPage();
  await page.goto(`${server.url}/app/`);
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  await capture(page, 'sign-in');
  await checkAccessibility(page, 'sign-in');

  await page.getByLabel('Adresse e-mail').fill('awa@thinkpeace.org');
  await page.getByLabel('Mot de passe').fill('wrong password');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('alert').filter({ hasText: 'mot de passe incorrect' }).waitFor();
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();

  await page.getByRole('heading', { name: 'Histoires', level: 1 }).waitFor();
  await page.getByRole('link', { name: title }).waitFor();
  await page.getByRole('button', { name: /Brouillon/ }).waitFor();
  await capture(page, 'story-list');
  await checkAccessibility(page, 'story-list');

  // "precedent" typed without accents finds "précédent" in the introduction.
  await page.getByRole('searchbox').fill('precedent');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.waitForURL(/\?q=precedent$/);
  await page.locator('.snippet mark').first().waitFor();
  assert.match(await page.locator('.snippet mark').first().innerText(), /précédent/i);
  await page.getByRole('status').filter({ hasText: '1 histoire' }).waitFor();
  await capture(page, 'search');
  await checkAccessibility(page, 'search');

  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Sommaire', level: 2 }).waitFor();
  await page.getByRole('heading', { name: 'Leçons apprises', level: 3 }).waitFor();
  await page.getByText('Version 1', { exact: true }).waitFor();
  await capture(page, 'story');
  await checkAccessibility(page, 'story');
  await page.getByRole('button', { name: 'Soumettre pour relecture' }).click();
  await page.getByRole('status').filter({ hasText: '« Soumise »' }).waitFor();
  assert.equal(await page.locator('.story-head .badge').innerText(), 'Soumise');
  assert.equal(await page.getByRole('button', { name: 'Soumettre pour relecture' }).count(), 0);
  await capture(page, 'story-submitted');

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();

  await signIn(page, 'moussa@hsc.org');
  await page.getByRole('link', { name: 'À traiter' }).click();
  await page.getByRole('heading', { name: 'À traiter', level: 1 }).waitFor();
  await page.getByRole('link', { name: title }).waitFor();
  await capture(page, 'queue');
  await checkAccessibility(page, 'queue');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Approuver' }).waitFor();
  await page.getByRole('button', { name: 'Demander des modifications' }).click();
  await page.getByLabel(/Motif/).waitFor();
  await capture(page, 'story-review');
  await checkAccessibility(page, 'story-review');
  await page.getByLabel(/Motif/).fill('Ajoutez la date des ateliers.');
  await page.getByRole('button', { name: 'Envoyer avec ce motif' }).click();
  await page.getByRole('status').filter({ hasText: '« À reprendre »' }).waitFor();
  await page.getByText('Ajoutez la date des ateliers.', { exact: false }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Approuver' }).count(), 0);
  await capture(page, 'story-changes-requested');
  await page.context().close();
});

test('a phone (360 px wide) gets every screen in one column without sideways scrolling', async () => {
  const page = await newPage({ width: 360 });
  await signIn(page, 'moussa@hsc.org');
  for (const [name, path] of [
    ['phone-story-list', ''],
    ['phone-story', 'stories/1'],
  ]) {
    await page.goto(`${server.url}/app/${path}`);
    await page.locator('main h1').waitFor();
    await page.locator('.card, .story-section').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `${name}: the page is ${overflow} px wider than the phone`);
    await capture(page, name);
    await checkAccessibility(page, name);
  }
  await page.context().close();
});

/// The visible UI texts (text nodes, placeholders, accessible labels) outside [data-user-content] that are not
/// wrapped in ⟦…⟧; numbers and punctuation alone are allowed.
function untranslated(page) {
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
      if (element.closest('[data-user-content]')) continue;
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(name);
        if (value !== null && !ok(value)) found.push(`${name}="${value}"`);
      }
    }
    return found;
  });
}

test('pseudo-locale: no visible text escaped translation', async () => {
  const page = await newPage();
  await page.goto(`${server.url}/app/?lang=test`);
  await page.locator('form input[name=email]').waitFor();
  assert.deepEqual(await untranslated(page), [], 'sign-in');
  await capture(page, 'pseudo-sign-in');
  // The writer: the story sent back for changes is in her queue, and its page offers her a workflow button.
  await signIn(page, 'awa@thinkpeace.org');
  for (const [name, path, ready] of [
    ['pseudo-story-list', '', '.card'],
    ['pseudo-search', '?q=precedent', '.snippet mark'],
    ['pseudo-story', 'stories/1', '.story-section'],
    ['pseudo-queue', 'queue', '.card'],
  ]) {
    await page.goto(`${server.url}/app/${path}`);
    await page.locator(ready).first().waitFor();
    assert.deepEqual(await untranslated(page), [], name);
    await capture(page, name);
  }
  await page.context().close();
});
