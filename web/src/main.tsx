// The app's shell: who is signed in, the header and navigation, and which screen the address shows.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, signedOutEvent, type Principal } from './api';
import { Loading } from './components';
import { language, setLanguage, t, type Language } from './i18n';
import { lazyScreen } from './lazy';
import { base, navigate, onLinkClick, useLocation } from './router';
import { useLocalDrafts } from './offline/LocalDrafts';
import { registerServiceWorker, useOnline } from './offline/network';
import { forgetSentDrafts } from './offline/drafts';
import { sendDrafts } from './offline/sync';
import { BookletBuilder } from './screens/BookletBuilder';
import { Import } from './screens/Import';
import { Invitation } from './screens/Invitation';
import { NewStory } from './screens/NewStory';
import { Queue } from './screens/Queue';
import { SignIn } from './screens/SignIn';
import { StoryList } from './screens/StoryList';
import { StoryForm } from './screens/StoryForm';
import { StoryPage } from './screens/StoryPage';
import './app.css';

function LanguageSwitch() {
  const names: Record<Language, string> = {
    fr: t('app-language-fr'),
    en: t('app-language-en'),
    test: t('app-language-test'),
  };
  // The pseudo-locale is offered only once chosen (?lang=test), so that testers can leave it.
  const options: Language[] = language === 'test' ? ['fr', 'en', 'test'] : ['fr', 'en'];
  return (
    <label class="language">
      <span class="visually-hidden">{t('app-language-label')}</span>
      <select value={language} onChange={(event) => setLanguage(event.currentTarget.value as Language)}>
        {options.map((code) => (
          <option value={code}>{names[code]}</option>
        ))}
      </select>
    </label>
  );
}

const Dashboard = lazyScreen(() => import('./dashboard/Dashboard').then((module) => module.Dashboard));
const Administration = lazyScreen(() => import('./admin/Administration').then((module) => module.Administration));
// Who was signed in last, kept so that the app opens with no network (drafts, the form); the server still
// decides once it can be reached.
const principalKey = 'storybank-principal';
const keptPrincipal = (): Principal | null => JSON.parse(localStorage.getItem(principalKey) ?? 'null');

/// Roles that write stories (docs/authorization.md: edit from draft).
const mayWrite = (principal: Principal) =>
  principal.user.memberships.some((membership) => membership.role === 'contributor' || membership.role === 'coordinator');

/// Online or not, and how many drafts wait to be sent: in the header, on every screen.
function NetworkState({ userId }: { userId: number }) {
  const online = useOnline();
  const waiting = useLocalDrafts(userId).length;
  return (
    <span class={`network ${online ? 'network-online' : 'network-offline'}`} role="status">
      {online ? t('app-network-online') : t('app-network-offline')}
      {waiting ? ` · ${t('app-network-waiting', { count: waiting })}` : ''}
    </span>
  );
}

function App() {
  const [principal, setPrincipal] = useState<Principal | null | undefined>(undefined);
  const { path, query } = useLocation();

  useEffect(() => {
    // Not signed in (401) or the server unreachable: either way the sign-in form is what can be offered.
    const check = () =>
      api.whoAmI().then(setPrincipal, (error) =>
        setPrincipal(error instanceof ApiError ? null : (current) => current ?? keptPrincipal()),
      );
    check();
    // Back online: the session may have ended meanwhile (the browser restarted, say).
    addEventListener('online', check);
    const signedOut = () => setPrincipal(null);
    addEventListener(signedOutEvent, signedOut);
    return () => {
      removeEventListener('online', check);
      removeEventListener(signedOutEvent, signedOut);
    };
  }, []);

  // Drafts are sent once someone is signed in, when the network comes back, and now and then while some wait.
  const userId = principal?.user.id;
  useEffect(() => {
    if (!principal) return undefined;
    localStorage.setItem(principalKey, JSON.stringify(principal));
    const send = () => navigator.onLine && sendDrafts(principal.user.id);
    send();
    addEventListener('online', send);
    const every = setInterval(send, 30000);
    return () => {
      removeEventListener('online', send);
      clearInterval(every);
    };
  }, [userId]);

  // The tab's title follows the screen's heading.
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      document.title = `${heading.textContent} — storybank`;
    }
  });
  // After an in-app navigation, focus goes to the top of the new screen, as after a page load: keyboard and
  // screen-reader users would otherwise stay on the link they followed, which is gone.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
    } else {
      document.getElementById('main')?.focus();
    }
  }, [path]);

  async function signOut() {
    if (principal) await forgetSentDrafts(principal.user.id).catch(() => undefined);
    await api.signOut().catch(() => undefined);
    localStorage.removeItem(principalKey);
    setPrincipal(null);
    navigate('sign-in');
  }

  const roles = principal ? principal.user.memberships.map((membership) => membership.role) : [];
  const coordinator = roles.includes('coordinator');
  const writer = coordinator || roles.includes('contributor');
  let screen;
  if (path === 'invitation') {
    // The invitee has no account yet: the invitation screen needs no sign-in.
    screen = <Invitation />;
  } else if (principal === undefined) {
    screen = <Loading />;
  } else if (principal === null) {
    screen = (
      <SignIn
        onSignedIn={(signedIn) => {
          setPrincipal(signedIn);
          if (path === 'sign-in') navigate('');
        }}
      />
    );
  } else if (path === 'queue') {
    screen = <Queue />;
  } else if (path === 'stories/new') {
    // Each visit to "Écrire une histoire" is a new story (a new history entry): the form starts afresh.
    // Without ?template=, the writer first chooses one when the server offers several.
    const template = query.get('template');
    screen = template ? (
      <StoryForm key={history.length} principal={principal} template={template} />
    ) : (
      <NewStory key={history.length} principal={principal} />
    );
  } else if (/^stories\/\d+\/edit$/.test(path)) {
    screen = <StoryForm principal={principal} storyId={Number(path.split('/')[1])} />;
  } else if (/^drafts\/[\w-]+$/.test(path)) {
    screen = <StoryForm principal={principal} draftKey={path.split('/')[1]} />;
  } else if (path === 'booklet') {
    screen = <BookletBuilder />;
  } else if (path === 'dashboard') {
    screen = <Dashboard />;
  } else if (path === 'import' && writer) {
    screen = <Import />;
  } else if ((path === 'admin' || path.startsWith('admin/')) && coordinator) {
    screen = <Administration tab={path.slice('admin/'.length)} />;
  } else if (/^stories\/\d+$/.test(path)) {
    screen = <StoryPage id={Number(path.split('/')[1])} principal={principal} />;
  } else {
    screen = <StoryList query={query} userId={principal.user.id} />;
  }

  return (
    <div onClick={onLinkClick}>
      <a class="skip" href="#main">
        {t('app-skip-to-content')}
      </a>
      <header class="top">
        <a class="brand" href={base}>
          {t('app-name')}
        </a>
        {principal && path !== 'invitation' ? (
          <nav aria-label={t('app-nav-label')}>
            <a href={base} aria-current={path === '' || /^stories\/\d+$/.test(path) ? 'page' : undefined}>
              {t('app-nav-stories')}
            </a>
            {mayWrite(principal) ? (
              <a href={`${base}stories/new`} aria-current={path === 'stories/new' || path.startsWith('drafts') ? 'page' : undefined}>
                {t('app-nav-write')}
              </a>
            ) : null}
            <a href={`${base}queue`} aria-current={path === 'queue' ? 'page' : undefined}>
              {t('app-nav-queue')}
            </a>
            <a href={`${base}booklet`} aria-current={path === 'booklet' ? 'page' : undefined}>
              {t('app-nav-booklet')}
            </a>
            <a href={`${base}dashboard`} aria-current={path === 'dashboard' ? 'page' : undefined}>
              {t('app-nav-dashboard')}
            </a>
            {writer ? (
              <a href={`${base}import`} aria-current={path === 'import' ? 'page' : undefined}>
                {t('app-nav-import')}
              </a>
            ) : null}
            {coordinator ? (
              <a href={`${base}admin/organisations`} aria-current={path.startsWith('admin') ? 'page' : undefined}>
                {t('app-nav-admin')}
              </a>
            ) : null}
          </nav>
        ) : null}
        <div class="account">
          {principal ? <NetworkState userId={principal.user.id} /> : null}
          <LanguageSwitch />
          {principal ? (
            <>
              <span class="who" data-user-content>
                {principal.user.display_name}
              </span>
              <button type="button" onClick={signOut}>
                {t('app-sign-out')}
              </button>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {screen}
      </main>
    </div>
  );
}

render(<App />, document.getElementById('app')!);
registerServiceWorker();
