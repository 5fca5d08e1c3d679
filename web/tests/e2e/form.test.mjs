// End to end, the story form and offline work: a contributor writes a story with two photos with no network,
// closes the browser, comes back online in a new session of the same browser profile, and the draft reaches
// the server; an edit made offline meets a change made on the server and the writer chooses field by field;
// the form's weight and its time to use over a 3G link are measured; a phone, the pseudo-locale and axe-core
// check the form. Waits for elements, never for time.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { checkAccessibility, checkKeyboardReach } from './accessibility.mjs';
import { capture, chromiumOptions, makeJpeg, overflow as widerThanWindow, signInAt, untranslated, watch } from './pages.mjs';
import { consortium, password, startStorybank } from './storybank.mjs';

const writer = 'awa@thinkpeace.org'; // Think Peace's contributor in `consortium`
const formBudget = 100 * 1024;
let server;
let browser;

before(async () => {
  server = await startStorybank({
    name: 'form',
    password,
    setup: consortium,
  });
  browser = await chromium.launch(chromiumOptions);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage({ width = 1280 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
  return watch(await context.newPage());
}

/// Signs the context in through the API, so that the first page it loads is the one measured.
async function signInByApi(context) {
  const response = await context.request.post(`${server.url}/api/v1/session`, { data: { email: writer, password } });
  assert.ok(response.ok(), `sign-in: ${response.status()}`);
}

/// The story as the API gives it, with the current revision.
async function apiStory(context, id) {
  const response = await context.request.get(`${server.url}/api/v1/stories/${id}`);
  assert.equal(response.status(), 200);
  return { revision: Number(response.headers().etag.replace(/"/g, '')), story: await response.json() };
}

async function apiStatus(context, id) {
  const moves = await (await context.request.get(`${server.url}/api/v1/stories/${id}/transitions`)).json();
  return moves.transitions[0]?.to ?? 'draft';
}

const successStory = 'Histoire de réussite (success story)';

/// "Écrire une histoire" asks which template first: the success story is chosen.
async function chooseSuccessStory(page) {
  await page.locator('.template-choices').getByRole('link', { name: successStory }).click();
}

const savedOnServer = (page) => page.locator('.save-state').filter({ hasText: 'Enregistré sur le serveur' }).waitFor();

test('offline: a story with two photos written with no network is sent when the network is back, then submitted', async () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'storybank-e2e-profile-'));
  const open = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      ...chromiumOptions,
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    return { context, page: watch(context.pages()[0] ?? (await context.newPage())) };
  };
  let { context, page } = await open();
  await signInAt(page, `${server.url}/app/`, writer, password);
  // The service worker has kept the app's files once it is active.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const photos = [await makeJpeg(page, '#0b5e7a'), await makeJpeg(page, '#b45309', 1200, 1600)];

  // Two templates on the server: the writer chooses the format first, each shown with its description.
  await page.getByRole('link', { name: 'Écrire une histoire' }).click();
  await page.getByRole('heading', { name: 'Nouvelle histoire : quel format ?', level: 1 }).waitFor();
  const choices = page.locator('.template-choices');
  await choices.getByRole('link', { name: 'Changement le plus significatif' }).waitFor();
  await choices.getByText("Format de collecte des histoires de vie (success stories) du consortium").waitFor();
  assert.equal(await choices.getByRole('link').first().textContent(), successStory, 'the usual format first');
  await capture(server, page, 'choose-template');
  await checkAccessibility(page, 'choose-template');
  await checkKeyboardReach(page, 'choose-template');
  await choices.getByRole('link', { name: successStory }).click();
  await page.getByRole('heading', { name: 'Nouvelle histoire', level: 1 }).waitFor();
  await context.setOffline(true);
  await page.locator('.network-offline').waitFor();

  await page.getByLabel('Titre', { exact: true }).fill('Les femmes de Mopti reprennent la parole');
  await page.getByLabel('Nom et prénom').fill('Awa Traoré');
  await page.getByLabel('Fonction', { exact: true }).fill('Animatrice');
  // A number without its country code is pointed out as it is typed, and the message goes once it is right.
  await page.getByLabel('Téléphone(s)').fill('70 00 00 00');
  await page.getByRole('alert').filter({ hasText: "indicatif du pays" }).waitFor();
  await page.getByLabel('Téléphone(s)').fill('+223 70 00 00 00');
  await page.getByRole('alert').filter({ hasText: "indicatif du pays" }).waitFor({ state: 'detached' });
  await page.getByLabel('Adresse(s) e-mail').fill('awa@thinkpeace.org');
  // Offline, no place is suggested: the name is simply typed, the country chosen from the list.
  await page.getByLabel('Nom de la localité').fill('Mopti');
  await page.getByLabel('Pays', { exact: true }).selectOption('ML');
  await page.getByLabel(/^Précisions/).fill('Quartier de Gangal');
  await page.getByLabel(/^Introduction/).fill('Les femmes ne prenaient pas la parole aux réunions du village.');
  await page.getByLabel('Description de la solution').fill('Des cercles de parole animés par des femmes.');
  await page.getByLabel('Changement apporté').fill('Trois femmes siègent au conseil communal.');
  await page.getByRole('button', { name: 'Ajouter un témoignage' }).click();
  await page.getByLabel('Ce que la personne a dit').fill('Maintenant on nous écoute.');
  await page.getByLabel('Nom de la personne').fill('Fatoumata Diallo');
  await page.getByLabel("La personne accepte d'être citée en public").check();

  await page.locator('input[type=file][multiple]').setInputFiles([
    { name: 'cercle.jpg', mimeType: 'image/jpeg', buffer: photos[0] },
    { name: 'conseil.jpg', mimeType: 'image/jpeg', buffer: photos[1] },
  ]);
  await page.getByRole('listitem', { name: 'Photo 2' }).waitFor();
  await page.locator('#photo-0-caption').fill('Un cercle de parole à Mopti');
  await page.locator('#photo-1-caption').fill('Le conseil communal');
  await page.getByRole('listitem', { name: 'Photo 1' }).getByRole('checkbox').check();
  await page.locator('.save-state').filter({ hasText: 'Hors ligne : enregistré sur cet appareil' }).waitFor();
  await capture(server, page, 'form-offline');
  await checkAccessibility(page, 'form-offline');
  await context.close();

  // The browser comes back still offline: the app opens from the service worker, the draft from IndexedDB.
  ({ context, page } = await open());
  await context.setOffline(true);
  await page.goto(`${server.url}/app/`);
  const draftLink = page.getByRole('link', { name: 'Les femmes de Mopti reprennent la parole' });
  await draftLink.waitFor();
  await page.locator('.network-offline').filter({ hasText: '1 à envoyer' }).waitFor();
  await capture(server, page, 'drafts-offline');
  await draftLink.click();
  await page.getByRole('listitem', { name: 'Photo 2' }).waitFor();
  assert.equal(await page.locator('#photo-1-caption').inputValue(), 'Le conseil communal');

  // Online again: the session ended with the browser, so the writer signs in; the draft is then sent.
  await context.setOffline(false);
  await page.locator('input[name=email], .save-state:has-text("Enregistré sur le serveur")').first().waitFor();
  if (await page.locator('input[name=email]').isVisible()) {
    await signInAt(page, null, writer, password);
  }
  await savedOnServer(page);
  await page.locator('.network-online').filter({ hasNotText: 'à envoyer' }).waitFor();
  await capture(server, page, 'form-sent');
  await page.getByRole('link', { name: "Voir l'histoire" }).click();
  await page.getByRole('button', { name: 'Soumettre pour relecture' }).click();
  await page.getByRole('status').filter({ hasText: '« Soumise »' }).waitFor();

  const id = Number(new URL(page.url()).pathname.split('/').pop());
  const { story } = await apiStory(context, id);
  assert.equal(story.fields.title, 'Les femmes de Mopti reprennent la parole');
  assert.deepEqual(story.fields.contact.phones, ['+22370000000']);
  assert.deepEqual(story.fields.locality, { name: 'Mopti', country: 'ML', text: 'Quartier de Gangal' });
  assert.equal(story.fields.quotes[0].speaker, 'Fatoumata Diallo');
  assert.deepEqual(
    story.fields.photos.map((photo) => [photo.caption, photo.consent === true, photo.attachment?.media_type]),
    [
      ['Un cercle de parole à Mopti', true, 'image/jpeg'],
      ['Le conseil communal', false, 'image/jpeg'],
    ],
  );
  assert.equal(await apiStatus(context, id), 'submitted');
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test('conflict: an edit made offline meets a change made on the server; the writer chooses field by field', async () => {
  const page = await newPage();
  const context = page.context();
  await signInAt(page, `${server.url}/app/stories/1/edit`, writer, password);
  await page.getByRole('heading', { name: "Modifier l'histoire", level: 1 }).waitFor();
  const before = await apiStory(context, 1);

  await context.setOffline(true);
  await page.getByLabel('Titre', { exact: true }).fill('Titre écrit hors ligne');
  await page.getByLabel('Leçons apprises').fill('Leçon écrite hors ligne.');
  await page.locator('.save-state').filter({ hasText: 'Hors ligne' }).waitFor();

  // Meanwhile, on the server: the same title changed, and a field the writer did not touch.
  const changed = structuredClone(before.story);
  changed.fields.title = 'Titre changé sur le serveur';
  changed.fields.lessons = 'Leçon changée sur le serveur.';
  changed.fields.change = 'Changement écrit sur le serveur.';
  const csrf = (await context.cookies()).find((cookie) => cookie.name === 'storybank_csrf').value;
  const put = await context.request.put(`${server.url}/api/v1/stories/1`, {
    data: { template: changed.template, language: changed.language, fields: changed.fields },
    headers: { 'If-Match': `"${before.revision}"`, 'X-CSRF-Token': csrf },
  });
  assert.equal(put.status(), 200, await put.text());

  await context.setOffline(false);
  await page.getByRole('heading', { name: 'Deux versions à réconcilier' }).waitFor();
  const panel = page.locator('.conflict');
  for (const text of ['Titre écrit hors ligne', 'Titre changé sur le serveur', 'Leçon écrite hors ligne.', 'Leçon changée sur le serveur.']) {
    await panel.getByText(text).waitFor();
  }
  // A field only the server changed is not asked about.
  assert.equal(await panel.getByText('Changement écrit sur le serveur.').count(), 0);
  await capture(server, page, 'form-conflict');
  await checkAccessibility(page, 'form-conflict');

  // Keep my title and the server's lesson.
  await panel.getByRole('group', { name: 'Leçons apprises' }).getByLabel(/Version du serveur/).check();
  await panel.getByRole('button', { name: 'Garder ces choix et envoyer' }).click();
  await savedOnServer(page);
  assert.equal(await page.getByLabel('Leçons apprises').inputValue(), 'Leçon changée sur le serveur.');
  const { story } = await apiStory(context, 1);
  assert.equal(story.fields.title, 'Titre écrit hors ligne');
  assert.equal(story.fields.lessons, 'Leçon changée sur le serveur.');
  assert.equal(story.fields.change, 'Changement écrit sur le serveur.');
  await context.close();
});

test('the locality: known places are suggested as its name is typed, and one is chosen with the keyboard', async () => {
  const page = await newPage();
  let asked = 0;
  page.on('request', (request) => request.url().includes('/api/v1/places?') && asked++);
  await signInAt(page, `${server.url}/app/stories/new?template=success-story`, writer, password);
  const name = page.getByRole('combobox', { name: 'Nom de la localité' });
  // Typed quickly, without its accent and in lower case: one request or two, not one per letter.
  await name.pressSequentially('tombouc');
  const suggestions = page.getByRole('listbox', { name: 'Lieux connus' });
  const suggestion = suggestions.getByRole('option', { name: /Tombouctou/ }).first();
  await suggestion.waitFor();
  assert.equal(await name.getAttribute('aria-expanded'), 'true');
  assert.ok(asked >= 1 && asked < 'tombouc'.length - 1, `${asked} requests for 7 letters`);
  await capture(server, page, 'form-place-suggestions');
  await checkAccessibility(page, 'form-place-suggestions');
  await name.press('ArrowDown');
  assert.match(await name.getAttribute('aria-activedescendant'), /place-0$/);
  await name.press('Enter');
  assert.equal(await name.inputValue(), 'Tombouctou');
  assert.equal(await page.getByLabel('Pays', { exact: true }).inputValue(), 'ML');
  assert.equal(await name.getAttribute('aria-expanded'), 'false');
  // With the country chosen, the suggestions come from that country; Escape closes them.
  await name.fill('sego');
  await suggestions.getByRole('option', { name: /Ségou/ }).first().waitFor();
  assert.deepEqual(
    [...new Set(await suggestions.getByRole('option').evaluateAll((options) => options.map((option) => option.dataset.country)))],
    ['ML'],
  );
  await name.press('Escape');
  assert.equal(await name.getAttribute('aria-expanded'), 'false');
  // Offline: nothing suggested, the name is typed as it comes.
  await page.context().setOffline(true);
  const before = asked;
  await name.fill('Hombori');
  await page.getByLabel('Titre', { exact: true }).fill('Un lieu tapé hors ligne');
  assert.equal(await name.inputValue(), 'Hombori');
  assert.equal(asked, before);
  assert.equal(await page.locator('.place-suggestions:not([hidden]) li').count(), 0);
  await page.context().close();
});

test('a creation whose answer was lost is sent again with the same Idempotency-Key: one story, with all its text', async () => {
  const page = await newPage();
  await signInAt(page, `${server.url}/app/stories/new?template=success-story`, writer, password);
  const creations = [];
  let lost;
  const answerLost = new Promise((resolve) => (lost = resolve));
  await page.route(`${server.url}/api/v1/stories`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const key = route.request().headers()['idempotency-key'];
    // The request reaches the server; the first answer is lost on the way back.
    const response = await route.fetch();
    creations.push({ key, status: response.status(), location: response.headers().location });
    if (creations.length === 1) {
      await route.abort('connectionreset');
      lost();
    } else {
      await route.fulfill({ response });
    }
  });
  const title = 'Une histoire dont la réponse s’est perdue';
  // The partner NGO first: a contributor may write only for hers, and the server checks it on updates.
  await page.getByLabel("Nom de l'ONG partenaire").fill('Think Peace');
  await page.getByLabel('Titre', { exact: true }).fill(title);
  await answerLost;
  await page.locator('.save-state').filter({ hasText: 'Enregistré sur cet appareil.' }).waitFor();
  // Written after the lost answer: the story made the first time lacks it, so it follows as an update.
  await page.getByLabel('Changement apporté').fill('Écrit après la réponse perdue.');
  await savedOnServer(page);

  assert.equal(creations.length, 2, JSON.stringify(creations));
  assert.match(creations[0].key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(creations[1].key, creations[0].key);
  assert.deepEqual(creations.map((creation) => creation.status), [201, 200]);
  assert.equal(creations[1].location, creations[0].location);
  const list = await page.context().request.get(`${server.url}/api/v1/stories?limit=200`);
  const same = (await list.json()).stories.filter((story) => story.title === title);
  assert.equal(same.length, 1, 'one story, not two');
  const { story } = await apiStory(page.context(), same[0].id);
  assert.equal(story.fields.change, 'Écrit après la réponse perdue.');
  await page.context().close();
});

test(`weight: the first load of the form is at most ${formBudget / 1024} KB transferred`, async () => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  await signInByApi(context);
  const page = watch(await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  const files = [];
  const urls = new Map();
  cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    files.push(`${new URL(urls.get(event.requestId) ?? 'http://x/?').pathname} ${event.encodedDataLength}`);
  });
  await page.goto(`${server.url}/app/stories/new`);
  await chooseSuccessStory(page);
  await page.getByLabel('Titre', { exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  console.log(`form first load: ${(bytes / 1024).toFixed(1)} KB transferred (${files.join(', ')})`);
  assert.ok(bytes <= formBudget, `the form's first load is ${bytes} bytes, over ${formBudget}`);
  await context.close();
});

test('3G: the form becomes usable over a 400 kbit/s link with 400 ms latency (time printed)', async () => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  await signInByApi(context);
  const page = watch(await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const rate = (400 * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: rate,
    uploadThroughput: rate,
  });
  const start = Date.now();
  await page.goto(`${server.url}/app/stories/new`, { waitUntil: 'commit' });
  await chooseSuccessStory(page);
  await page.getByLabel('Titre', { exact: true }).waitFor();
  await page.getByLabel('Titre', { exact: true }).fill('Écrit sur un réseau lent');
  console.log(`form usable over 3G after ${((Date.now() - start) / 1000).toFixed(1)} s`);
  await context.close();
});

test('the form on a phone (360 px), in the pseudo-locale, and for axe-core', async () => {
  const phone = await newPage({ width: 360 });
  await signInAt(phone, `${server.url}/app/stories/new`, writer, password);
  await phone.locator('.template-choices').waitFor();
  assert.ok((await widerThanWindow(phone)) <= 0, 'the template choice is wider than the phone');
  await capture(server, phone, 'phone-choose-template');
  await chooseSuccessStory(phone);
  await phone.getByRole('heading', { name: 'Nouvelle histoire', level: 1 }).waitFor();
  // Offline with a draft waiting: the header's widest state.
  await phone.context().setOffline(true);
  await phone.getByRole('button', { name: 'Ajouter un témoignage' }).click();
  await phone.locator('input[type=file][multiple]').setInputFiles([
    { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(phone, '#1e7a46') },
  ]);
  await phone.getByRole('listitem', { name: 'Photo 1' }).waitFor();
  await phone.locator('.network-offline').filter({ hasText: '1 à envoyer' }).waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `the form is ${overflow} px wider than the phone`);
  await capture(server, phone, 'phone-form');
  await checkAccessibility(phone, 'phone-form');
  // Offline, "Écrire une histoire" still offers the templates kept on the device.
  await phone.getByRole('link', { name: 'Écrire une histoire' }).click();
  await phone.getByText('Hors ligne : les formats déjà utilisés sur cet appareil.').waitFor();
  assert.equal(await phone.locator('.template-choices li').count(), 2);
  await capture(server, phone, 'phone-choose-template-offline');
  await checkAccessibility(phone, 'phone-choose-template-offline');
  await chooseSuccessStory(phone);
  await phone.getByLabel('Titre', { exact: true }).waitFor();
  await phone.context().close();

  const page = await newPage();
  await signInAt(page, `${server.url}/app/stories/new?lang=test`, writer, password);
  await page.locator('.template-choices').waitFor();
  assert.deepEqual(await untranslated(page), [], 'pseudo-choose-template');
  await page.goto(`${server.url}/app/stories/new?template=success-story`);
  await page.locator('#form-title').waitFor();
  await page.locator('button.primary, button').first().waitFor();
  await page.getByRole('button', { name: /⟦/ }).first().waitFor();
  assert.deepEqual(await untranslated(page), [], 'pseudo-form');
  await capture(server, page, 'pseudo-form');
  await page.goto(`${server.url}/app/stories/new?template=success-story&lang=fr`);
  await page.getByRole('heading', { name: 'Nouvelle histoire', level: 1 }).waitFor();
  await capture(server, page, 'form-new');
  await checkAccessibility(page, 'form-new');
  await checkKeyboardReach(page, 'form-new');
  await page.context().close();
});
