// Users and their role in each organisation; a role given or changed here replaces the one held there.
import { useState } from 'preact/hooks';
import { ErrorMessage, Loading, Notice } from '../components';
import { t } from '../i18n';
import { useServerList } from './use_server_list';
import { adminApi } from './admin_api';
import { MembershipFields } from './membership_fields';
import { FieldError, OtherProblems, problemsOf, type FieldProblems } from './form_problems';
import { roleLabel } from './labels';

export function UsersAdmin() {
  const { items: users, error, reload } = useServerList(() => adminApi.users().then((list) => list.users));
  const organisations = useServerList(() => adminApi.organisations().then((list) => list.organisations));
  const [problems, setProblems] = useState<FieldProblems>({});
  const [notice, setNotice] = useState('');


  async function setRole(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    setProblems({});
    setNotice('');
    try {
      await adminApi.setRole(String(data.get('email')), String(data.get('organisation')), String(data.get('role')));
      await reload();
      setNotice(t('app-admin-role-set'));
    } catch (failure) {
      setProblems(problemsOf(failure));
    }
  }

  if (error || organisations.error) return <ErrorMessage error={error ?? organisations.error} />;
  if (!users) return <Loading />;
  return (
    <>
      <ul class="cards admin-list">
        {users.map((user) => (
          <li class="card">
            <div class="card-head">
              <h3 data-user-content>{user.display_name || user.email}</h3>
              {user.disabled ? <span class="badge">{t('app-admin-user-disabled')}</span> : null}
            </div>
            <p class="muted" data-user-content>
              {user.email}
            </p>
            <ul class="memberships">
              {user.memberships.map((membership) => (
                <li>
                  <span data-user-content>{membership.organisation}</span> — {roleLabel(membership.role)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <form class="panel stack" onSubmit={setRole} aria-labelledby="role-title">
        <h2 id="role-title">{t('app-admin-role-title')}</h2>
        <Notice text={notice} />
        <label>
          {t('app-admin-user')}
          <select name="email">
            {users.map((user) => (
              <option value={user.email} data-user-content>
                {user.email}
              </option>
            ))}
          </select>
          <FieldError problems={problems} field="email" />
        </label>
        <MembershipFields organisations={organisations.items ?? []} problems={problems} />
        <OtherProblems problems={problems} shown={['email', 'organisation', 'role']} />
        <button type="submit" class="primary">
          {t('app-admin-role-submit')}
        </button>
      </form>
    </>
  );
}
