// The audit log, newest first, filtered by action and target; older entries page by page.
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage, Loading } from '../components';
import { formatDate, t } from '../i18n';
import { adminApi, type AuditEntry } from './admin_api';

const kPage = 50;
/// The actions most looked for (service/audit_log.hpp names them all), offered as the filter is typed.
const kActions = [
  'story.create',
  'story.import',
  'story.update',
  'story.transition',
  'story.tags',
  'comment.create',
  'organisation.save',
  'user.create',
  'user.role-set',
  'user.disable',
  'invitation.create',
  'invitation.accept',
  'invitation.revoke',
  'webhook.create',
  'webhook.disable',
  'session.login',
  'session.login-failed',
];

export function AuditAdmin() {
  const [filters, setFilters] = useState(new URLSearchParams());
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function load(chosen: URLSearchParams, before: number | null) {
    const query = new URLSearchParams(chosen);
    query.set('limit', String(kPage));
    if (before) query.set('before', String(before));
    try {
      const page = await adminApi.audit(query);
      setEntries((current) => (before && current ? [...current, ...page.entries] : page.entries));
      setNextBefore(page.next_before);
    } catch (failure) {
      setError(failure);
    }
  }
  useEffect(() => {
    load(filters, null);
  }, [filters]);

  function filter(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const chosen = new URLSearchParams();
    for (const name of ['action', 'target_type', 'target_id']) {
      const value = String(data.get(name) ?? '').trim();
      if (value) chosen.set(name, value);
    }
    setEntries(null);
    setFilters(chosen);
  }

  if (error) return <ErrorMessage error={error} />;
  return (
    <>
      <form class="panel audit-filters" onSubmit={filter} aria-label={t('app-admin-audit-filters')}>
        <label>
          {t('app-admin-audit-action')}
          <input name="action" list="audit-actions" />
          <datalist id="audit-actions">
            {kActions.map((action) => (
              <option value={action} />
            ))}
          </datalist>
        </label>
        <label>
          {t('app-admin-audit-target-type')}
          <select name="target_type">
            <option value="">{t('app-admin-audit-any')}</option>
            {['story', 'user', 'organisation', 'invitation', 'session', 'api_token', 'webhook'].map((type) => (
              <option value={type} data-user-content>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('app-admin-audit-target-id')}
          <input name="target_id" inputMode="numeric" />
        </label>
        <button type="submit" class="primary">
          {t('app-admin-audit-filter')}
        </button>
      </form>
      {!entries ? (
        <Loading />
      ) : entries.length ? (
        <ol class="audit-entries">
          {entries.map((entry) => (
            <li class="card">
              <p>
                <code data-user-content>{entry.action}</code>{' '}
                <span data-user-content>
                  {entry.target_type} {entry.target_id}
                </span>
              </p>
              <p class="muted" data-user-content>
                {formatDate(entry.at)} · {entry.actor}
                {entry.address ? ` · ${entry.address}` : ''}
              </p>
              {Object.keys(entry.detail ?? {}).length ? (
                <p class="audit-detail" data-user-content>
                  {Object.entries(entry.detail)
                    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
                    .join(' · ')}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{t('app-admin-audit-none')}</p>
      )}
      {nextBefore ? (
        <button type="button" onClick={() => load(filters, nextBefore)}>
          {t('app-admin-audit-more')}
        </button>
      ) : null}
    </>
  );
}
