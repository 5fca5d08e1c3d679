import { useState } from 'preact/hooks';
import { ApiError, api, type Principal } from '../api';
import { t } from '../i18n';

export function SignIn({ onSignedIn }: { onSignedIn: (principal: Principal) => void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError('');
    try {
      onSignedIn(await api.signIn(String(form.get('email')), String(form.get('password'))));
    } catch (failure) {
      const status = failure instanceof ApiError ? failure.status : 0;
      setError(
        status === 401 ? t('app-sign-in-refused') : status === 429 ? t('app-sign-in-too-many') : t('app-error-generic'),
      );
      setBusy(false);
    }
  }

  return (
    <section class="narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('app-sign-in-title')}</h1>
      <p class="muted">{t('app-sign-in-intro')}</p>
      <form class="panel stack" onSubmit={submit}>
        <label>
          {t('app-sign-in-email')}
          <input name="email" type="email" autocomplete="username" required autoFocus />
        </label>
        <label>
          {t('app-sign-in-password')}
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" class="primary" disabled={busy}>
          {t('app-sign-in-submit')}
        </button>
      </form>
    </section>
  );
}
