// Organisations: the lead, the members and their partner NGOs, and who works with whom.
import { useState } from 'preact/hooks';
import { ErrorMessage, Loading, Notice } from '../components';
import { t } from '../i18n';
import { useServerList } from './use_server_list';
import { adminApi, kKinds } from './admin_api';
import { FieldError, OtherProblems, problemsOf, type FieldProblems } from './form_problems';
import { kindLabel } from './labels';

export function OrganisationsAdmin() {
  const {
    items: organisations,
    error,
    reload,
  } = useServerList(() => adminApi.organisations().then((list) => list.organisations));
  const [problems, setProblems] = useState<FieldProblems>({});
  const [kind, setKind] = useState('partner');
  const [notice, setNotice] = useState('');


  async function add(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setProblems({});
    setNotice('');
    try {
      const added = await adminApi.addOrganisation(
        String(data.get('name') ?? ''),
        String(data.get('kind') ?? ''),
        data.getAll('works_with').map(String),
      );
      await reload();
      form.reset();
      setKind('partner');
      setNotice(t('app-admin-organisation-added', { name: added.name }));
    } catch (failure) {
      setProblems(problemsOf(failure));
    }
  }

  if (error) return <ErrorMessage error={error} />;
  if (!organisations) return <Loading />;
  const members = organisations.filter((organisation) => organisation.kind === 'member' || organisation.kind === 'lead');
  return (
    <>
      <ul class="cards admin-list">
        {organisations.map((organisation) => (
          <li class="card">
            <div class="card-head">
              <h3 data-user-content>{organisation.name}</h3>
              <span class="badge">{kindLabel(organisation.kind)}</span>
            </div>
            {organisation.works_with.length ? (
              <p class="muted">
                {t('app-admin-works-with')} <span data-user-content>{organisation.works_with.join(', ')}</span>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <form class="panel stack" onSubmit={add} aria-labelledby="organisation-add-title">
        <h2 id="organisation-add-title">{t('app-admin-organisation-add')}</h2>
        <Notice text={notice} />
        <label>
          {t('app-admin-organisation-name')}
          <input name="name" required />
          <FieldError problems={problems} field="name" />
        </label>
        <label>
          {t('app-admin-organisation-kind')}
          <select name="kind" value={kind} onChange={(event) => setKind(event.currentTarget.value)}>
            {kKinds.map((value) => (
              <option value={value}>{kindLabel(value)}</option>
            ))}
          </select>
          <FieldError problems={problems} field="kind" />
        </label>
        {kind === 'partner' && members.length ? (
          <fieldset class="tag-choices">
            <legend>{t('app-admin-organisation-works-with')}</legend>
            {members.map((member) => (
              <label class="check">
                <input type="checkbox" name="works_with" value={member.name} />
                <span data-user-content>{member.name}</span>
              </label>
            ))}
            <FieldError problems={problems} field="works_with" />
          </fieldset>
        ) : null}
        <OtherProblems problems={problems} shown={['name', 'kind', 'works_with']} />
        <button type="submit" class="primary">
          {t('app-admin-organisation-submit')}
        </button>
      </form>
    </>
  );
}
