// End to end, the screens around the stories: a coordinator administers (organisations, roles, an invitation whose
// link the invitee opens to make an account and sign in, templates, webhooks, the audit log); a contributor imports
// a Word file and sees its draft with its problems; a story's history compares two revisions and takes comments and
// themes; the dashboard's charts and map show the API's counts. Every new screen also at 360 px, in the
// pseudo-locale and through axe-core. Screenshots go to STORYBANK_E2E_ARTIFACTS.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { checkAccessibility, checkKeyboardReach } from './accessibility.mjs';
import { callApi, capture, launchBrowser, newPage, overflow, signIn, untranslated } from './pages.mjs';
import { consortium, importedTitle, password, startStorybank } from './storybank.mjs';

const admin = 'admin@consortium.org';
const title = importedTitle;
let server;
let browser;

before(async () => {
  server = await startStorybank({
    name: 'admin',
    password,
    setup: consortium,
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/// Checks a screen as it is: screenshot, no script error, WCAG 2.1 AA, everything reachable with the keyboard.
async function check(page, screen) {
  await capture(server, page, screen);
  await checkAccessibility(page, screen);
  await checkKeyboardReach(page, screen);
}

test('a coordinator administers and invites someone, who accepts through the link and signs in', async () => {
  const page = await newPage(browser);
  await signIn(server, page, admin, password);
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('heading', { name: 'Organisations', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Think Peace', level: 3 }).waitFor();
  await page.getByLabel('Nom', { exact: true }).fill('Jeunes de Gao');
  await page.getByLabel('Human Security Collective (HSC)').check();
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Jeunes de Gao' }).waitFor();
  await page.getByRole('heading', { name: 'Jeunes de Gao', level: 3 }).waitFor();
  await check(page, 'admin-organisations');

  await page.getByRole('link', { name: 'Utilisateurs et rôles' }).click();
  await page.getByRole('heading', { name: 'Moussa Diallo' }).waitFor();
  await page.locator('select[name=email]').selectOption('moussa@hsc.org');
  await page.locator('select[name=organisation]').selectOption('Think Peace');
  await page.locator('select[name=role]').selectOption('coordinator');
  await page.getByRole('button', { name: 'Enregistrer le rôle' }).click();
  await page.locator('#role-error').waitFor();
  await page.locator('select[name=role]').selectOption('viewer');
  await page.getByRole('button', { name: 'Enregistrer le rôle' }).click();
  await page.getByRole('status').filter({ hasText: 'Rôle enregistré' }).waitFor();
  await page.locator('.card', { hasText: 'moussa@hsc.org' }).getByText('lecture seule').waitFor();
  await check(page, 'admin-users');

  await page.getByRole('link', { name: 'Invitations' }).click();
  await page.getByText('Aucune invitation en attente.').waitFor();
  await page.getByLabel('Adresse e-mail').fill('fanta@thinkpeace.org');
  await page.locator('select[name=organisation]').selectOption('Think Peace');
  await page.locator('select[name=role]').selectOption('contributor');
  await page.getByRole('button', { name: "Créer l'invitation" }).click();
  const link = await page.getByLabel('Lien à envoyer').inputValue();
  assert.match(link, /\/app\/invitation#[A-Za-z0-9_-]{20,}$/);
  await page.getByRole('heading', { name: 'fanta@thinkpeace.org', level: 3 }).waitFor();
  await check(page, 'admin-invitations');

  // The default template comes first, open; the other opens on demand.
  await page.getByRole('link', { name: 'Modèles' }).click();
  await page.getByRole('heading', { name: 'Sommaire', level: 3 }).waitFor();
  assert.equal(await page.locator('details.template-view').first().locator('summary code').textContent(), 'success-story');
  await page.locator('summary', { hasText: 'most-significant-change' }).click();
  await page.getByRole('heading', { name: 'Contexte', level: 3 }).waitFor();
  await check(page, 'admin-templates');

  await page.getByRole('link', { name: 'Webhooks' }).click();
  await page.getByText('Aucun webhook.').waitFor();
  await page.getByLabel('Adresse du destinataire').fill('https://hooks.example.org/in');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.getByRole('heading', { name: 'Secret de signature' }).waitFor();
  await page.getByRole('button', { name: 'Envois' }).click();
  await page.getByText("Aucun envoi pour l'instant.").waitFor();
  await check(page, 'admin-webhooks');

  await page.getByRole('link', { name: "Journal d'audit" }).click();
  await page.locator('.audit-entries').waitFor();
  await page.getByLabel('Action').fill('invitation.create');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.locator('.audit-entries .card', { hasText: 'fanta@thinkpeace.org' }).waitFor();
  assert.equal(await page.locator('.audit-entries .card').count(), 1);
  await check(page, 'admin-audit');
  await page.context().close();

  // The invitee, on another browser: the link opens the invitation screen without an account.
  const invitee = await newPage(browser);
  await invitee.goto(link);
  await invitee.getByRole('heading', { name: 'Rejoindre storybank' }).waitFor();
  assert.equal(new URL(invitee.url()).hash, '', 'the token leaves the address once read');
  await invitee.getByLabel('Votre nom').fill('Fanta Coulibaly');
  await invitee.getByLabel('Mot de passe', { exact: true }).fill(password);
  await invitee.getByLabel('Le même mot de passe, encore').fill(password);
  await check(invitee, 'invitation');
  await invitee.getByRole('button', { name: 'Créer mon compte' }).click();
  await invitee.getByRole('heading', { name: 'Compte créé' }).waitFor();
  await capture(server, invitee, 'invitation-accepted');
  await signIn(server, invitee, 'fanta@thinkpeace.org', password);
  await invitee.getByText('Fanta Coulibaly').waitFor();
  await invitee.context().close();
});

test('a Word file imported through the import page becomes a draft shown with its problems', async () => {
  // The coordinator: the file is a story of a partner NGO that is not Awa's (she could not import it).
  const page = await newPage(browser);
  await signIn(server, page, admin, password);
  await page.getByRole('link', { name: 'Importer' }).click();
  await page.getByRole('heading', { name: 'Importer des documents' }).waitFor();
  const word = path.join(process.env.STORYBANK_SOURCE_DIR, 'tests/golden/parse/english-word-kaya.docx');
  await page.getByLabel('choisissez des fichiers').setInputFiles([word]);
  const draft = page.getByRole('link', { name: 'Early warning committees keep the roads to Kaya open' });
  await draft.waitFor();
  await page.getByText('brouillon créé').waitFor();
  await page.locator('.import-problems dd', { hasText: 'https://example.org/photos/convoy.jpg' }).waitFor();
  await check(page, 'import');
  await draft.click();
  await page.getByRole('heading', { name: 'Early warning committees keep the roads to Kaya open', level: 1 }).waitFor();
  await page.context().close();
});

test('a story shows the changes between two revisions, takes comments and themes', async () => {
  const page = await newPage(browser);
  await signIn(server, page, 'awa@thinkpeace.org', password);
  const read = await callApi(page, 'GET', '/stories/1');
  const story = read.body;
  story.fields.lessons = `${story.fields.lessons}\n\nLes ateliers ont eu lieu en mars 2019.`;
  story.fields.title = `${title} (relu)`;
  const saved = await callApi(page, 'PUT', '/stories/1', story, { 'If-Match': '"1"' });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));

  await page.goto(`${server.url}/app/stories/1`);
  await page.getByRole('heading', { name: 'Comparer deux versions' }).waitFor();
  await page.locator('.diff-changes ins', { hasText: 'mars 2019' }).waitFor();
  await page.locator('.diff-changes ins', { hasText: '(relu)' }).waitFor();
  assert.equal(await page.getByLabel('De la version').inputValue(), '1');
  assert.equal(await page.getByLabel('À la version').inputValue(), '2');

  await page.getByLabel('À propos de').selectOption({ label: 'Leçons apprises' });
  await page.getByLabel('Votre commentaire').fill('Précisez le lieu des ateliers.');
  await page.getByRole('button', { name: 'Commenter' }).click();
  await page.locator('.comment', { hasText: 'Précisez le lieu des ateliers.' }).getByText('Leçons apprises').waitFor();

  await page.getByRole('button', { name: 'Modifier les thèmes' }).click();
  await page.getByLabel(/Prévention de l'extrémisme violent/).check();
  await page.getByRole('button', { name: 'Enregistrer les thèmes' }).click();
  await page.getByRole('status').filter({ hasText: 'Thèmes enregistrés.' }).waitFor();
  await page.locator('.tag-list .tag', { hasText: "Prévention de l'extrémisme violent" }).waitFor();
  await check(page, 'story-review-tools');
  await page.context().close();
});

test('the dashboard draws the counts of the API as charts and a map', async () => {
  const page = await newPage(browser);
  await signIn(server, page, admin, password);
  // A locality the gazetteer knows, twice, and one it does not.
  for (const [title, name] of [
    ['Les jeunes de Tombouctou', 'Tombouctou'],
    ['Le marché de Tombouctou', 'Tombouctou'],
    ['Un puits au village', 'Village de Sobane'],
  ]) {
    const created = await callApi(page, 'POST', '/stories', {
      template: 'success-story',
      language: 'fr',
      fields: { title, locality: { name, country: 'ML', text: '' } },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  }
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  await page.locator('svg[data-chart=status]').waitFor();
  await page.locator('.world-map path[data-country]').first().waitFor();
  const statistics = (await callApi(page, 'GET', '/statistics')).body;
  assert.ok(statistics.total >= 2, 'the seed story and the imported one');
  await page.getByRole('status').filter({ hasText: `${statistics.total} histoire(s)` }).waitFor();
  const drawn = (chart) =>
    page.locator(`svg[data-chart=${chart}] g`).evaluateAll((groups) => groups.map((group) => Number(group.dataset.count)));
  assert.deepEqual(await drawn('status'), statistics.counts.status.map((entry) => entry.count));
  assert.deepEqual(
    (await drawn('country')).reduce((sum, count) => sum + count, 0),
    statistics.counts.country.reduce((sum, entry) => sum + entry.count, 0),
  );
  for (const { value, count } of statistics.counts.country) {
    assert.equal(await page.locator(`.world-map path[data-country=${value}]`).getAttribute('data-count'), String(count));
  }
  assert.equal(
    (await drawn('month')).reduce((sum, count) => sum + count, 0),
    statistics.counts.month.reduce((sum, entry) => sum + entry.count, 0),
  );
  // Localities: a circle for each one the server places, named with its count; the others listed under the map.
  const places = statistics.counts.place ?? [];
  const placed = places.filter((place) => typeof place.latitude === 'number');
  const unplaced = places.filter((place) => typeof place.latitude !== 'number');
  assert.ok(placed.some((place) => place.value === 'Tombouctou' && place.count === 2), JSON.stringify(places));
  assert.ok(unplaced.some((place) => place.value === 'Village de Sobane'), JSON.stringify(places));
  const stories = (count) => `${count} histoire${count === 1 ? '' : 's'}`;
  assert.equal(await page.locator('.world-map circle').count(), placed.length);
  for (const { value, country, count } of placed) {
    const circle = page.locator(`.world-map circle[data-place=${JSON.stringify(value)}][data-country=${country}]`);
    assert.equal(await circle.getAttribute('data-count'), String(count));
    assert.equal(await circle.getAttribute('aria-label'), `${value} (${country}) : ${stories(count)}`);
  }
  await page.getByRole('img', { name: 'Tombouctou (ML) : 2 histoires' }).waitFor();
  assert.equal(await page.locator('.map-unplaced li').count(), unplaced.length);
  for (const { value, country, count } of unplaced) {
    const item = page.locator(`.map-unplaced li[data-place=${JSON.stringify(value)}][data-country=${country}]`);
    assert.equal(await item.textContent(), `${value} (${country}) : ${stories(count)}`);
  }
  await page.getByText('Lieux : GeoNames (CC BY 4.0)').waitFor();
  // The map opens on the countries with stories (here Mali alone), and shows the whole world on request.
  const viewWidth = async () => Number((await page.locator('.world-map').getAttribute('viewBox')).split(' ')[2]);
  assert.ok((await viewWidth()) < 640 / 4, `zoomed on Mali: ${await viewWidth()}`);
  await page.getByRole('button', { name: 'Voir le monde entier' }).click();
  assert.equal(await viewWidth(), 640);
  await capture(server, page, 'dashboard-world');
  await page.getByRole('button', { name: 'Voir les pays des histoires' }).click();
  assert.ok((await viewWidth()) < 640 / 4);
  await check(page, 'dashboard');
  await page.context().close();
});

test('every new screen fits a 360-px phone and is translated in the pseudo-locale', async () => {
  const screens = [
    ['dashboard', 'svg[data-chart=status]'],
    ['import', '.drop-zone'],
    ['stories/1', '.diff-changes'],
    ['admin/organisations', '.admin-list .card'],
    ['admin/users', '.admin-list .card'],
    ['admin/invitations', 'form'],
    ['admin/templates', '.template-view'],
    ['admin/webhooks', 'form'],
    ['admin/audit', '.audit-entries'],
  ];
  const phone = await newPage(browser, { width: 360 });
  await signIn(server, phone, admin, password);
  for (const [address, ready] of screens) {
    await phone.goto(`${server.url}/app/${address}`);
    await phone.locator(ready).first().waitFor();
    const name = `phone-${address.replace('/', '-')}`;
    assert.ok((await overflow(phone)) <= 0, `${name}: wider than the phone`);
    await capture(server, phone, name);
  }
  await phone.goto(`${server.url}/app/invitation`);
  await phone.getByRole('heading', { level: 1 }).waitFor();
  assert.ok((await overflow(phone)) <= 0, 'invitation: wider than the phone');
  await capture(server, phone, 'phone-invitation');
  await phone.context().close();

  const pseudo = await newPage(browser);
  await signIn(server, pseudo, admin, password, '?lang=test');
  for (const [address, ready] of [...screens, ['invitation', 'main h1']]) {
    await pseudo.goto(`${server.url}/app/${address}`);
    await pseudo.locator(ready).first().waitFor();
    assert.deepEqual(await untranslated(pseudo), [], address);
  }
  await capture(server, pseudo, 'pseudo-dashboard-last');
  await pseudo.context().close();
});
