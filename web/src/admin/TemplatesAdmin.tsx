// The story templates (collection formats), read-only: their sections and fields, and their tag vocabulary.
import { useEffect, useState } from 'preact/hooks';
import type { Template } from '../api';
import { ErrorMessage, Loading } from '../components';
import { t } from '../i18n';
import { tagVocabulary, templateLabel } from '../story/template_labels';
import { adminApi } from './admin_api';

export function TemplatesAdmin() {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    adminApi.templates().then((list) => setTemplates(list.templates), setError);
  }, []);
  if (error) return <ErrorMessage error={error} />;
  if (!templates) return <Loading />;
  return (
    <>
      {templates.map((template, index) => (
        <details class="panel template-view" open={index === 0}>
          <summary>
            <span data-user-content>{templateLabel(template.name)}</span>{' '}
            <code data-user-content>{template.id}</code>
          </summary>
          {template.sections.map((section) => (
            <section>
              <h3 data-user-content>{templateLabel(section.label)}</h3>
              <ul>
                {template.fields
                  .filter((field) => field.section === section.key)
                  .map((field) => (
                    <li>
                      <span data-user-content>{templateLabel(field.label)}</span>{' '}
                      <span class="muted" data-user-content>
                        ({field.key}, {field.type})
                      </span>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
          {tagVocabulary(template).length ? (
            <section>
              <h3>{t('app-admin-template-tags')}</h3>
              <ul class="tag-list">
                {tagVocabulary(template).map((tag) => (
                  <li class="tag" data-user-content>
                    {templateLabel(tag.label)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </details>
      ))}
    </>
  );
}
