// End to end: the real storybank binary on 127.0.0.1 over a fresh data folder made with its CLI, driven through
// Debian's Chromium. A contributor finds, opens and submits a story; a reviewer finds it in the queue; then every
// screen again in the pseudo-locale, where any visible text outside ⟦…⟧ is a string that escaped translation.
// Each screen's screenshot is kept in STORYBANK_E2E_ARTIFACTS (ctest sets it under the build folder).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { checkAccessibility, checkKeyboardReach } from './accessibility.mjs';
import { capture, launchBrowser, newPage as newBrowserPage, signIn, untranslated } from './pages.mjs';
import { consortium, importedTitle, password, startStorybank } from './storybank.mjs';

const title = importedTitle;
let server;
let browser;

before(async () => {
  server = await startStorybank({
    name: 'stories',
    password,
    setup: [
      ...consortium,
      // A published story (2), and the coordinator who compiles booklets and the donor who reads them.
      ['org', 'add', 'Consortium Sahel', '--kind', 'lead'],
      ['org', 'add', 'Bailleur', '--kind', 'member'],
      ['user', 'add', 'coord@consortium.org', '--org', 'Consortium Sahel', '--role', 'coordinator', '--name', 'Fatou Sy'],
      ['user', 'add', 'donor@bailleur.org', '--org', 'Bailleur', '--role', 'viewer', '--name', 'Anne Martin'],
      ['import', 'demo/radio-jeunes-niamey.md'],
      ['move', '2', '--to', 'submitted'],
      ['move', '2', '--to', 'approved'],
      ['move', '2', '--to', 'published'],
    ],
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const newPage = (options) => newBrowserPage(browser, options);
const signInAs = (page, email, query = '') => signIn(server, page, email, password, query);

test('a contributor finds, opens and submits a story; a reviewer finds it in the queue', async () => {
  const page = await newPage();
  await page.goto(`${server.url}/app/`);
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  await capture(server, page, 'sign-in');
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
  await capture(server, page, 'story-list');
  await checkAccessibility(page, 'story-list');
  await checkKeyboardReach(page, 'story-list');

  // "precedent" typed without accents finds "précédent" in the introduction.
  await page.getByRole('searchbox').fill('precedent');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.waitForURL(/\?q=precedent$/);
  await page.locator('.snippet mark').first().waitFor();
  assert.match(await page.locator('.snippet mark').first().innerText(), /précédent/i);
  await page.getByRole('status').filter({ hasText: '1 histoire' }).waitFor();
  await capture(server, page, 'search');
  await checkAccessibility(page, 'search');

  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Sommaire', level: 2 }).waitFor();
  await page.getByRole('heading', { name: 'Leçons apprises', level: 3 }).waitFor();
  await page.getByText('Version 1', { exact: true }).waitFor();
  await capture(server, page, 'story');
  await checkAccessibility(page, 'story');
  await page.getByRole('button', { name: 'Soumettre pour relecture' }).click();
  await page.getByRole('status').filter({ hasText: '« Soumise »' }).waitFor();
  assert.equal(await page.locator('.story-head .badge').innerText(), 'Soumise');
  assert.equal(await page.getByRole('button', { name: 'Soumettre pour relecture' }).count(), 0);
  await capture(server, page, 'story-submitted');

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();

  await signInAs(page, 'moussa@hsc.org');
  await page.getByRole('link', { name: 'À traiter' }).click();
  await page.getByRole('heading', { name: 'À traiter', level: 1 }).waitFor();
  await page.getByRole('link', { name: title }).waitFor();
  await capture(server, page, 'queue');
  await checkAccessibility(page, 'queue');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Approuver' }).waitFor();
  await page.getByRole('button', { name: 'Demander des modifications' }).click();
  await page.getByLabel(/Motif/).waitFor();
  await capture(server, page, 'story-review');
  await checkAccessibility(page, 'story-review');
  await page.getByLabel(/Motif/).fill('Ajoutez la date des ateliers.');
  await page.getByRole('button', { name: 'Envoyer avec ce motif' }).click();
  await page.getByRole('status').filter({ hasText: '« À reprendre »' }).waitFor();
  await page.getByText('Ajoutez la date des ateliers.', { exact: false }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Approuver' }).count(), 0);
  await capture(server, page, 'story-changes-requested');
  await page.context().close();
});

test('a phone (360 px wide) gets every screen in one column without sideways scrolling', async () => {
  const page = await newPage({ width: 360 });
  await signInAs(page, 'moussa@hsc.org');
  for (const [name, path] of [
    ['phone-story-list', ''],
    ['phone-story', 'stories/1'],
  ]) {
    await page.goto(`${server.url}/app/${path}`);
    await page.locator('main h1').waitFor();
    await page.locator('.card, .story-section').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `${name}: the page is ${overflow} px wider than the phone`);
    await capture(server, page, name);
    await checkAccessibility(page, name);
  }
  await page.context().close();
});

test('pseudo-locale: no visible text escaped translation', async () => {
  const page = await newPage();
  await page.goto(`${server.url}/app/?lang=test`);
  await page.locator('form input[name=email]').waitFor();
  assert.deepEqual(await untranslated(page), [], 'sign-in');
  await capture(server, page, 'pseudo-sign-in');
  // The writer: the story sent back for changes is in her queue, and its page offers her a workflow button.
  await signInAs(page, 'awa@thinkpeace.org');
  for (const [name, path, ready] of [
    ['pseudo-story-list', '', '.card'],
    ['pseudo-search', '?q=precedent', '.snippet mark'],
    ['pseudo-story', 'stories/1', '.story-section'],
    ['pseudo-queue', 'queue', '.card'],
  ]) {
    await page.goto(`${server.url}/app/${path}`);
    await page.locator(ready).first().waitFor();
    assert.deepEqual(await untranslated(page), [], name);
    await capture(server, page, name);
  }
  await page.context().close();
});

const publishedTitle = 'Des jeunes animateurs radio contre les rumeurs à Niamey';
const publishedContact = ['i.moussa@exemple.org', '90 11 22 33'];

/// The text of a downloaded PDF, as pdftotext reads it.
async function pdfText(download) {
  const file = await download.path();
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-', `${download.suggestedFilename()} is not a PDF`);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('a coordinator compiles a booklet and a spreadsheet; a donor downloads the public story only', async () => {
  const page = await newPage();
  await signInAs(page, 'coord@consortium.org');
  await page.getByRole('link', { name: 'Livret' }).click();
  await page.getByRole('heading', { name: 'Livret pour les bailleurs' }).waitFor();
  // Published stories are offered first; the story is added, the cover written, and the booklet downloaded.
  await page.getByRole('button', { name: `Ajouter « ${publishedTitle} » au livret` }).click();
  await page.getByRole('heading', { name: 'Sommaire du livret (1)' }).waitFor();
  await page.getByLabel('Titre de la couverture').fill('Rapport aux bailleurs 2026');
  await capture(server, page, 'booklet-builder');
  await checkAccessibility(page, 'booklet-builder');
  const [booklet] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le livret' }).click(),
  ]);
  assert.match(booklet.suggestedFilename(), /^booklet-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = await pdfText(booklet);
  assert.ok(text.includes('Rapport aux bailleurs 2026'), 'the cover title');
  assert.ok(text.includes('Sommaire') && text.includes('Index'), 'contents and index');
  assert.ok(text.includes(publishedTitle), 'the chosen story');
  for (const contact of publishedContact) {
    assert.ok(!text.includes(contact), `a booklet is public unless asked: ${contact} is in it`);
  }
  await page.getByRole('status').filter({ hasText: booklet.suggestedFilename() }).first().waitFor();

  // The preview: the booklet's pages as the server prints them, one at a time.
  await page.getByRole('button', { name: 'Aperçu', exact: true }).click();
  const cover = page.getByRole('img', { name: /^Page 1 sur \d+ du livret « Rapport aux bailleurs 2026 »$/ });
  await cover.waitFor();
  const pages = Number((await cover.getAttribute('alt')).match(/sur (\d+)/)[1]);
  assert.ok(pages >= 4, `cover, contents, the story and the index: ${pages} pages`);
  assert.equal(await cover.evaluate((image) => image.naturalWidth), 800, 'the page drawn 800 px wide');
  await page.getByRole('button', { name: 'Page suivante' }).click();
  await page.getByRole('img', { name: `Page 2 sur ${pages} du livret « Rapport aux bailleurs 2026 »` }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Page précédente' }).isEnabled(), true);
  await capture(server, page, 'booklet-preview');
  await checkAccessibility(page, 'booklet-preview');

  const [sheet] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger les données' }).click(),
  ]);
  assert.match(sheet.suggestedFilename(), /\.xlsx$/);
  assert.equal(readFileSync(await sheet.path()).subarray(0, 2).toString(), 'PK', 'an XLSX workbook');
  await page.context().close();

  // The donor sees the published story without its writer's contact, and gets the same in the PDF.
  const donor = await newPage();
  await signInAs(donor, 'donor@bailleur.org');
  await donor.goto(`${server.url}/app/stories/2`);
  await donor.getByRole('heading', { name: 'Télécharger' }).waitFor();
  const shown = await donor.locator('main').innerText();
  assert.ok(shown.includes(publishedTitle));
  for (const contact of publishedContact) {
    assert.ok(!shown.includes(contact), `the donor's page shows ${contact}`);
  }
  const [story] = await Promise.all([
    donor.waitForEvent('download'),
    donor.getByRole('button', { name: 'PDF' }).click(),
  ]);
  assert.equal(story.suggestedFilename(), 'story-2.pdf');
  const storyText = await pdfText(story);
  assert.ok(storyText.includes(publishedTitle.slice(0, 30)));
  for (const contact of publishedContact) {
    assert.ok(!storyText.includes(contact), `the donor's PDF has ${contact}`);
  }
  await capture(server, donor, 'story-downloads-donor');

  // Personal data is refused to the donor, and the page says why rather than saving an error as a file.
  await donor.goto(`${server.url}/app/booklet`);
  await donor.getByRole('button', { name: `Ajouter « ${publishedTitle} » au livret` }).click();
  await donor.getByLabel('Titre de la couverture').fill('Interne');
  await donor.locator('form[aria-labelledby=booklet-make] input[name=personal_data]').check();
  await donor.getByRole('button', { name: 'Télécharger le livret' }).click();
  await donor.getByRole('alert').filter({ hasText: 'données personnelles' }).waitFor();
  await capture(server, donor, 'booklet-refused');
  await donor.context().close();
});

test('the booklet builder on a phone and in the pseudo-locale', async () => {
  const phone = await newPage({ width: 360 });
  await signInAs(phone, 'coord@consortium.org');
  await phone.goto(`${server.url}/app/booklet`);
  await phone.locator('.picks li').first().waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `booklet builder: the page is ${overflow} px wider than the phone`);
  await capture(server, phone, 'phone-booklet-builder');
  await phone.context().close();

  const page = await newPage();
  await page.goto(`${server.url}/app/?lang=test`);
  await signInAs(page, 'coord@consortium.org');
  await page.goto(`${server.url}/app/booklet`);
  await page.locator('.picks li').first().waitFor();
  await page.locator('.picks button').first().click();
  await page.locator('.picks.contents li').first().waitFor();
  assert.deepEqual(await untranslated(page), [], 'pseudo-booklet-builder');
  await capture(server, page, 'pseudo-booklet-builder');
  await page.goto(`${server.url}/app/stories/2`);
  await page.locator('.story-section').first().waitFor();
  assert.deepEqual(await untranslated(page), [], 'pseudo-story-downloads');
  await page.context().close();
});

test('the writer fixes the story sent back, the reviewer approves it, the coordinator publishes it in a booklet', async () => {
  // Story 1 was sent back by the reviewer in the first test ("Ajoutez la date des ateliers.").
  const page = await newPage();
  await signInAs(page, 'awa@thinkpeace.org');
  await page.goto(`${server.url}/app/stories/1`);
  await page.getByRole('link', { name: 'Modifier' }).click();
  await page.getByRole('heading', { name: "Modifier l'histoire", level: 1 }).waitFor();
  await checkKeyboardReach(page, 'form');
  await page.getByLabel('Leçons apprises').fill('Les ateliers des 12 et 13 mars 2024 ont montré que le dialogue apaise.');
  await page.locator('.save-state').filter({ hasText: 'Enregistré sur le serveur' }).waitFor();
  await page.getByRole('link', { name: "Voir l'histoire" }).click();
  await page.getByText('12 et 13 mars 2024', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Soumettre pour relecture' }).click();
  await page.getByRole('status').filter({ hasText: '« Soumise »' }).waitFor();
  // Signing out leaves no copy of what the server has on the device (a shared phone keeps no contacts).
  const draftsKept = () =>
    page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const opening = indexedDB.open('storybank');
          opening.onerror = () => reject(opening.error);
          opening.onsuccess = () => {
            const count = opening.result.transaction('drafts').objectStore('drafts').count();
            count.onsuccess = () => {
              opening.result.close();
              resolve(count.result);
            };
          };
        }),
    );
  assert.ok((await draftsKept()) >= 1, 'the edit was kept on the device while signed in');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  assert.equal(await draftsKept(), 0, 'drafts the server has are gone after signing out');
  await page.context().close();

  const reviewer = await newPage();
  await signInAs(reviewer, 'moussa@hsc.org');
  await reviewer.goto(`${server.url}/app/stories/1`);
  await reviewer.getByRole('button', { name: 'Approuver' }).click();
  await reviewer.getByRole('status').filter({ hasText: '« Approuvée »' }).waitFor();
  await reviewer.context().close();

  const coordinator = await newPage();
  await signInAs(coordinator, 'coord@consortium.org');
  await coordinator.goto(`${server.url}/app/stories/1`);
  await coordinator.getByRole('button', { name: 'Publier' }).click();
  await coordinator.getByRole('status').filter({ hasText: '« Publiée »' }).waitFor();
  await capture(server, coordinator, 'story-published');
  await checkKeyboardReach(coordinator, 'story-published');

  await coordinator.getByRole('link', { name: 'Livret' }).click();
  await coordinator.getByRole('button', { name: `Ajouter « ${title} » au livret` }).click();
  await coordinator.getByRole('button', { name: `Ajouter « ${publishedTitle} » au livret` }).click();
  await coordinator.getByLabel('Titre de la couverture').fill('Histoires de réussite 2026');
  await checkKeyboardReach(coordinator, 'booklet-builder');
  const [booklet] = await Promise.all([
    coordinator.waitForEvent('download'),
    coordinator.getByRole('button', { name: 'Télécharger le livret' }).click(),
  ]);
  const text = await pdfText(booklet);
  assert.ok(text.includes('Histoires de réussite 2026'), 'the cover');
  assert.ok(text.includes('12 et 13 mars 2024'), 'the fixed lesson is in the published story');
  assert.ok(text.indexOf('ENGAGEMENT DU RESEAU') < text.indexOf('Des jeunes animateurs radio'), 'the chosen order');
  await coordinator.context().close();
});
