// "Écrire une histoire": with several templates (collection formats), the writer first chooses one, by its name
// and description in the UI language; with one, the form opens at once. Offline, the templates kept on this
// device from earlier visits are offered.
import { useEffect, useState } from 'preact/hooks';
import type { Principal, Template } from '../api';
import { Loading } from '../components';
import { t } from '../i18n';
import { templateChoices } from '../offline/templates';
import { base } from '../router';
import { templateLabel } from '../story/template_labels';
import { StoryForm } from './StoryForm';

type Choices = { templates: Template[]; offline: boolean } | 'unknown';

export function NewStory({ principal }: { principal: Principal }) {
  const [choices, setChoices] = useState<Choices | null>(null);
  useEffect(() => {
    let live = true;
    // Neither the server nor this device knows any template: the form says what it can.
    templateChoices().then(
      (found) => live && setChoices(found),
      () => live && setChoices('unknown'),
    );
    return () => {
      live = false;
    };
  }, []);

  if (!choices) return <Loading />;
  if (choices === 'unknown') return <StoryForm principal={principal} />;
  if (choices.templates.length === 1) return <StoryForm principal={principal} template={choices.templates[0].id} />;
  return (
    <section aria-labelledby="choose-template-title">
      <h1 id="choose-template-title">{t('app-choose-template-title')}</h1>
      <p class="muted">{t('app-choose-template-intro')}</p>
      {choices.offline ? <p class="muted">{t('app-choose-template-offline')}</p> : null}
      {choices.templates.length ? (
        <ul class="cards template-choices">
          {choices.templates.map((template) => {
            const description = template.description ? templateLabel(template.description) : '';
            return (
              <li class="card">
                <h2 data-user-content>
                  <a href={`${base}stories/new?template=${encodeURIComponent(template.id)}`} aria-describedby={description ? `template-${template.id}` : undefined}>
                    {templateLabel(template.name)}
                  </a>
                </h2>
                {description ? (
                  <p class="muted" id={`template-${template.id}`} data-user-content>
                    {description}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t('app-choose-template-none')}</p>
      )}
    </section>
  );
}
