// Administration for coordinators, one tab per subject, each at its own address (/app/admin/<tab>). Loaded on
// demand: most people never open it.
import { t } from '../i18n';
import { base } from '../router';
import { AuditAdmin } from './AuditAdmin';
import { InvitationsAdmin } from './InvitationsAdmin';
import { OrganisationsAdmin } from './OrganisationsAdmin';
import { TemplatesAdmin } from './TemplatesAdmin';
import { UsersAdmin } from './UsersAdmin';
import { WebhooksAdmin } from './WebhooksAdmin';

const tabs = [
  { path: 'organisations', label: 'app-admin-tab-organisations', Screen: OrganisationsAdmin },
  { path: 'users', label: 'app-admin-tab-users', Screen: UsersAdmin },
  { path: 'invitations', label: 'app-admin-tab-invitations', Screen: InvitationsAdmin },
  { path: 'templates', label: 'app-admin-tab-templates', Screen: TemplatesAdmin },
  { path: 'webhooks', label: 'app-admin-tab-webhooks', Screen: WebhooksAdmin },
  { path: 'audit', label: 'app-admin-tab-audit', Screen: AuditAdmin },
];

export function Administration({ tab }: { tab: string }) {
  const current = tabs.find((candidate) => candidate.path === tab) ?? tabs[0];
  const { Screen } = current;
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t(current.label)}</h1>
      <nav class="admin-tabs" aria-label={t('app-admin-title')}>
        {tabs.map((candidate) => (
          <a href={`${base}admin/${candidate.path}`} aria-current={candidate === current ? 'page' : undefined}>
            {t(candidate.label)}
          </a>
        ))}
      </nav>
      <Screen key={current.path} />
    </section>
  );
}
