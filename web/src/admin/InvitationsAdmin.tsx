// Invitations: create one (its link is shown once, to be sent to the invitee), see those pending, revoke one.
import { useState } from 'preact/hooks';
import { ErrorMessage, Loading, Notice } from '../components';
import { formatDate, t } from '../i18n';
import { useServerList } from './use_server_list';
import { adminApi, type Invitation, type NewInvitation } from './admin_api';
import { MembershipFields } from './membership_fields';
import { FieldError, OtherProblems, problemsOf, type FieldProblems } from './form_problems';
import { roleLabel } from './labels';

export function InvitationsAdmin() {
  const {
    items: invitations,
    error,
    setError,
    reload,
  } = useServerList(() => adminApi.invitations().then((list) => list.invitations));
  const organisations = useServerList(() => adminApi.organisations().then((list) => list.organisations));
  const [created, setCreated] = useState<NewInvitation | null>(null);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [notice, setNotice] = useState('');


  async function invite(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setProblems({});
    setNotice('');
    setCreated(null);
    try {
      const invitation = await adminApi.invite(
        String(data.get('email') ?? ''),
        String(data.get('organisation') ?? ''),
        String(data.get('role') ?? ''),
        Number(data.get('days') ?? 14),
      );
      setCreated(invitation);
      form.reset();
      await reload();
    } catch (failure) {
      setProblems(problemsOf(failure));
    }
  }

  async function revoke(invitation: Invitation) {
    setNotice('');
    try {
      await adminApi.revokeInvitation(invitation.id);
      await reload();
      setNotice(t('app-admin-invitation-revoked', { email: invitation.email }));
    } catch (failure) {
      setError(failure);
    }
  }

  if (error || organisations.error) return <ErrorMessage error={error ?? organisations.error} />;
  if (!invitations) return <Loading />;
  const link = created ? new URL(created.link, location.origin).toString() : '';
  return (
    <>
      <form class="panel stack" onSubmit={invite} aria-labelledby="invite-title">
        <h2 id="invite-title">{t('app-admin-invite-title')}</h2>
        <label>
          {t('app-admin-invite-email')}
          <input name="email" type="email" required />
          <FieldError problems={problems} field="email" />
        </label>
        <MembershipFields organisations={organisations.items ?? []} problems={problems} />
        <label>
          {t('app-admin-invite-days')}
          <input name="days" type="number" min={1} max={30} defaultValue="14" required />
          <FieldError problems={problems} field="days" />
        </label>
        <OtherProblems problems={problems} shown={['email', 'organisation', 'role', 'days']} />
        <button type="submit" class="primary">
          {t('app-admin-invite-submit')}
        </button>
      </form>
      {created ? (
        <section class="panel invitation-link" aria-labelledby="link-title" role="status">
          <h2 id="link-title">{t('app-admin-invite-link-title')}</h2>
          <p>{t('app-admin-invite-link-once', { email: created.email, date: formatDate(created.expires_at) })}</p>
          <label>
            {t('app-admin-invite-link')}
            <input class="link-field" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
          </label>
          <button type="button" onClick={() => navigator.clipboard?.writeText(link).then(() => setNotice(t('app-admin-invite-copied')))}>
            {t('app-admin-invite-copy')}
          </button>
        </section>
      ) : null}
      <Notice text={notice} />
      <h2>{t('app-admin-invitations-pending')}</h2>
      {invitations.length ? (
        <ul class="cards admin-list">
          {invitations.map((invitation) => (
            <li class="card">
              <div class="card-head">
                <h3 data-user-content>{invitation.email}</h3>
                <button type="button" onClick={() => revoke(invitation)}>
                  {t('app-admin-invitation-revoke')}
                  <span class="visually-hidden" data-user-content>
                    {' '}
                    {invitation.email}
                  </span>
                </button>
              </div>
              <p class="muted">
                <span data-user-content>{invitation.organisation}</span> — {roleLabel(invitation.role)} ·{' '}
                {t('app-admin-invitation-expires', { date: formatDate(invitation.expires_at) })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('app-admin-invitations-none')}</p>
      )}
    </>
  );
}
