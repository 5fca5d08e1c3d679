// Accepting an invitation: the one-time link a coordinator sent (/app/invitation#<token>) opens this form, where
// the invitee chooses a name and a password. The token is in the address's fragment, which the browser never
// sends to the server, and it is removed from the address once read.
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api';
import { ErrorMessage } from '../components';
import { t } from '../i18n';
import { base } from '../router';

const kShortestPassword = 10;

function readToken(): string {
  const token = decodeURIComponent(location.hash.replace(/^#/, ''));
  if (token) {
    history.replaceState(null, '', location.pathname + location.search);
  }
  return token;
}

export function Invitation() {
  const [token] = useState(readToken);
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    if (form.get('password') !== form.get('confirmation')) {
      setProblems({ confirmation: t('app-invitation-mismatch') });
      return;
    }
    setBusy(true);
    setProblems({});
    setError(null);
    try {
      await api.acceptInvitation(token, String(form.get('password')), String(form.get('display_name')).trim());
      setDone(true);
    } catch (failure) {
      if (failure instanceof ApiError && failure.problems.length) {
        setProblems(Object.fromEntries(failure.problems.map((problem) => [problem.field, problem.message])));
      } else {
        setError(failure);
      }
    }
    setBusy(false);
  }

  if (done) {
    return (
      <section class="narrow" aria-labelledby="invitation-title">
        <h1 id="invitation-title">{t('app-invitation-done-title')}</h1>
        <p class="notice" role="status">
          {t('app-invitation-done')}
        </p>
        <p>
          <a href={base}>{t('app-invitation-sign-in')}</a>
        </p>
      </section>
    );
  }
  const fieldError = (name: string) =>
    problems[name] ? (
      <span class="field-error" id={`${name}-error`}>
        {problems[name]}
      </span>
    ) : null;
  const rules = [
    { key: 'app-invitation-rule-length', ok: [...password].length >= kShortestPassword },
    { key: 'app-invitation-rule-common', ok: null },
    { key: 'app-invitation-rule-email', ok: null },
  ];
  return (
    <section class="narrow" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t('app-invitation-title')}</h1>
      <p class="muted">{t('app-invitation-intro')}</p>
      {!token || problems.token ? (
        <p class="error" role="alert">
          {problems.token ?? t('app-invitation-no-token')}
        </p>
      ) : null}
      <form class="panel stack" onSubmit={submit}>
        <label>
          {t('app-invitation-name')}
          <input name="display_name" autocomplete="name" required autoFocus />
        </label>
        <label>
          {t('app-invitation-password')}
          <input
            name="password"
            type="password"
            autocomplete="new-password"
            required
            minLength={kShortestPassword}
            aria-describedby={problems.password ? 'password-rules password-error' : 'password-rules'}
            aria-invalid={problems.password ? true : undefined}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
          {fieldError('password')}
        </label>
        <div id="password-rules">
          <p class="rules-title">{t('app-invitation-rules')}</p>
          <ul class="rules">
            {rules.map((rule) => (
              <li class={rule.ok === true ? 'rule-ok' : ''}>
                {t(rule.key, { count: kShortestPassword })}
                {rule.ok === true ? <span class="visually-hidden"> {t('app-invitation-rule-met')}</span> : null}
              </li>
            ))}
          </ul>
        </div>
        <label>
          {t('app-invitation-confirmation')}
          <input
            name="confirmation"
            type="password"
            autocomplete="new-password"
            required
            aria-describedby={problems.confirmation ? 'confirmation-error' : undefined}
            aria-invalid={problems.confirmation ? true : undefined}
          />
          {fieldError('confirmation')}
        </label>
        {problems.email ? (
          <p class="error" role="alert">
            {problems.email}
          </p>
        ) : null}
        {error ? <ErrorMessage error={error} /> : null}
        <button type="submit" class="primary" disabled={busy || !token}>
          {t('app-invitation-submit')}
        </button>
      </form>
    </section>
  );
}
