// Names of roles, organisation kinds and webhook delivery states in the UI language.
import type { Role } from '../api';
import { t } from '../i18n';

const roleKeys: Record<Role, string> = {
  contributor: 'app-role-contributor',
  reviewer: 'app-role-reviewer',
  coordinator: 'app-role-coordinator',
  viewer: 'app-role-viewer',
};
const kindKeys: Record<string, string> = {
  lead: 'app-kind-lead',
  member: 'app-kind-member',
  partner: 'app-kind-partner',
};

export const roleLabel = (role: string): string => (role in roleKeys ? t(roleKeys[role as Role]) : role);
export const kindLabel = (kind: string): string => (kind in kindKeys ? t(kindKeys[kind]) : kind || t('app-kind-unknown'));
