// The app's shell: who is signed in, the header and navigation, and which screen the address shows.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, signedOutEvent, type Principal } from './api';
import { Loading } from './components';
import { language, setLanguage, t, type Language } from './i18n';
import { lazyScreen } from './lazy';
import { base, navigate, onLinkClick, useLocation } from './router';
import { BookletBuilder } from './screens/BookletBuilder';
import { Import } from './screens/Import';
import { Invitation } from './screens/Invitation';
import { Queue } from './screens/Queue';
import { SignIn } from './screens/SignIn';
import { StoryList } from './screens/StoryList';
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

function App() {
  const [principal, setPrincipal] = useState<Principal | null | undefined>(undefined);
  const { path, query } = useLocation();

  useEffect(() => {
    // Not signed in (401) or the server unreachable: either way the sign-in form is what can be offered.
    api.whoAmI().then(setPrincipal, () => setPrincipal(null));
    const signedOut = () => setPrincipal(null);
    addEventListener(signedOutEvent, signedOut);
    return () => removeEventListener(signedOutEvent, signedOut);
  }, []);

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
    await api.signOut().catch(() => undefined);
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
    screen = <StoryList query={query} />;
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
            <a href={base} aria-current={path === '' || path.startsWith('stories') ? 'page' : undefined}>
              {t('app-nav-stories')}
            </a>
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
