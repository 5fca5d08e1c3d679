// The story's tags (themes) from its template's vocabulary, with those its words suggest marked.
import { useEffect, useState } from 'preact/hooks';
import type { Template } from '../api';
import { ErrorMessage, Notice } from '../components';
import { t } from '../i18n';
import { storyApi, type TagSuggestion } from './story_api';
import { tagVocabulary, templateLabel } from './template_labels';

export function Tags({ id, template }: { id: number; template: Template }) {
  const vocabulary = tagVocabulary(template);
  const [tags, setTags] = useState<string[] | null>(null);
  const [suggestions, setSuggestions] = useState<TagSuggestion[]>([]);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    storyApi.tags(id).then((stored) => setTags(stored.tags), () => setTags([]));
    storyApi.tagSuggestions(id).then(
      (found) => setSuggestions(found.suggestions),
      () => setSuggestions([]),
    );
  }, [id]);

  if (!vocabulary.length || tags === null) {
    return null;
  }
  const label = (key: string) => {
    const tag = vocabulary.find((candidate) => candidate.key === key);
    return tag ? templateLabel(tag.label) : key;
  };
  const suggestion = (key: string) => suggestions.find((candidate) => candidate.tag === key);

  async function save(event: Event) {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget as HTMLFormElement).getAll('tag').map(String);
    setError(null);
    try {
      setTags((await storyApi.setTags(id, chosen)).tags);
      setEditing(false);
      setNotice(t('app-tags-saved'));
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section class="panel" aria-labelledby="tags-title">
      <h2 id="tags-title">{t('app-tags-title')}</h2>
      <Notice text={notice} />
      {tags.length ? (
        <ul class="tag-list">
          {tags.map((key) => (
            <li class="tag" data-user-content>
              {label(key)}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('app-tags-none')}</p>
      )}
      {!editing && suggestions.some((found) => !tags.includes(found.tag)) ? (
        <p class="muted">
          {t('app-tags-suggested')}{' '}
          <span data-user-content>
            {suggestions
              .filter((found) => !tags.includes(found.tag))
              .map((found) => label(found.tag))
              .join(', ')}
          </span>
        </p>
      ) : null}
      {editing ? (
        <form class="stack" onSubmit={save}>
          <fieldset class="tag-choices">
            <legend>{t('app-tags-choose')}</legend>
            {vocabulary.map((tag) => {
              const found = suggestion(tag.key);
              return (
                <label class="check">
                  <input type="checkbox" name="tag" value={tag.key} defaultChecked={tags.includes(tag.key)} />
                  <span data-user-content>{templateLabel(tag.label)}</span>
                  {found ? (
                    <span class="suggested">
                      {' '}
                      {t('app-tags-suggestion', { count: found.occurrences })}
                    </span>
                  ) : null}
                </label>
              );
            })}
          </fieldset>
          {error ? <ErrorMessage error={error} /> : null}
          <div class="buttons">
            <button type="submit" class="primary">
              {t('app-tags-save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('app-cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => (setNotice(''), setEditing(true))}>
          {t('app-tags-edit')}
        </button>
      )}
    </section>
  );
}
