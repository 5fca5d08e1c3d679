// The organisation and role of a membership, chosen in a form: giving a role and inviting someone ask the same.
import { t } from '../i18n';
import { kRoles, type Organisation } from './admin_api';
import { FieldError, type FieldProblems } from './form_problems';
import { roleLabel } from './labels';

export function MembershipFields({ organisations, problems }: { organisations: Organisation[]; problems: FieldProblems }) {
  return (
    <>
      <label>
        {t('app-admin-organisation')}
        <select name="organisation">
          {organisations.map((organisation) => (
            <option value={organisation.name} data-user-content>
              {organisation.name}
            </option>
          ))}
        </select>
        <FieldError problems={problems} field="organisation" />
      </label>
      <label>
        {t('app-admin-role')}
        <select name="role">
          {kRoles.map((role) => (
            <option value={role}>{roleLabel(role)}</option>
          ))}
        </select>
        <FieldError problems={problems} field="role" />
      </label>
    </>
  );
}
