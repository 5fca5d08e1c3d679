// The story form, built from the story's template: every change is kept in IndexedDB within a moment
// (autosave), and sent to the server whenever it can be reached. Works the same with no network at all.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Principal, type Template } from '../api';
import { ErrorMessage, Loading } from '../components';
import { dataLanguage, languageName, t } from '../i18n';
import {
  draftChangedEvent,
  draftForStory,
  isPending,
  loadDraft,
  newDraft,
  saveEdits,
  updateDraft,
  type Draft,
  type Fields,
} from '../offline/drafts';
import { withUploads } from '../offline/merge';
import { useOnline } from '../offline/network';
import { fromServer, sendDrafts, sending, syncStateEvent } from '../offline/sync';
import { loadTemplate } from '../offline/templates';
import { base } from '../router';
import { ConflictChoice, resolved } from '../story/conflict';
import { FieldEditor, label } from '../story/inputs';
import { PhotosEditor } from '../story/photos';

const autosaveDelay = 700;

/// The draft to show: kept on this device when it holds unsent work (or the server is out of reach), else
/// the story as the server has it now.
async function openDraft(userId: number, target: { storyId?: number; draftKey?: string; template?: string }): Promise<Draft> {
  if (target.draftKey) {
    const draft = await loadDraft(target.draftKey);
    if (!draft) throw new Error(t('app-form-draft-gone'));
    return draft;
  }
  if (target.storyId === undefined) return newDraft(userId, target.template ?? 'success-story', dataLanguage);
  const kept = await draftForStory(userId, target.storyId);
  if (kept && (isPending(kept) || kept.conflict)) return kept;
  try {
    const saved = await api.storyForEdit(target.storyId);
    const fresh = kept ?? newDraft(userId, saved.story.template, saved.story.language);
    const opened: Draft = {
      ...fresh,
      ...fromServer(saved.story.fields, []),
      storyId: saved.id,
      revision: saved.revision,
      base: saved.story.fields,
      language: saved.story.language || fresh.language,
      problems: saved.story.problems,
      edits: 0,
      sentEdits: 0,
    };
    // A copy kept from an earlier visit now starts from the server's revision.
    if (kept) await updateDraft(kept.key, () => opened);
    return opened;
  } catch (error) {
    if (kept) return kept;
    throw error;
  }
}

function useSending(): string | null {
  const [now, setNow] = useState(sending);
  useEffect(() => {
    const update = () => setNow(sending);
    addEventListener(syncStateEvent, update);
    return () => removeEventListener(syncStateEvent, update);
  }, []);
  return now;
}

export function StoryForm(props: { principal: Principal; storyId?: number; draftKey?: string; template?: string }) {
  const userId = props.principal.user.id;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [template, setTemplate] = useState<Template | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [unsaved, setUnsaved] = useState(false);
  const latest = useRef<Draft | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const online = useOnline();
  const sendingKey = useSending();
  latest.current = draft;

  useEffect(() => {
    let live = true;
    openDraft(userId, props)
      .then(async (opened) => {
        const loaded = await loadTemplate(opened.template);
        if (live) {
          setTemplate(loaded);
          setDraft(opened);
        }
      })
      .catch((failure) => live && setError(failure));
    return () => {
      live = false;
    };
  }, [props.storyId, props.draftKey]);

  // What the sender records (story id, revision, uploads, problems, a conflict) joins the draft being edited.
  useEffect(() => {
    const changed = async (event: Event) => {
      const key = (event as CustomEvent).detail;
      if (!latest.current || key !== latest.current.key) return;
      const stored = await loadDraft(key);
      if (!stored) return;
      setDraft((current) =>
        current && {
          ...stored,
          fields: current.fields,
          language: current.language,
          edits: current.edits,
          photos: withUploads(current.photos, stored.photos),
        },
      );
    };
    addEventListener(draftChangedEvent, changed);
    return () => removeEventListener(draftChangedEvent, changed);
  }, []);

  async function save() {
    clearTimeout(timer.current);
    timer.current = undefined;
    const current = latest.current;
    if (!current || current.edits === 0) return;
    await saveEdits(current);
    setUnsaved(false);
    if (navigator.onLine) sendDrafts(userId);
  }

  // Closing the tab or switching to another app on a phone: what was typed is written at once.
  useEffect(() => {
    const flush = () => timer.current !== undefined && save();
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      flush();
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
    };
  }, []);

  function change(update: Partial<Draft>) {
    const current = latest.current!;
    const next = { ...current, ...update, edits: current.edits + 1 };
    latest.current = next;
    setDraft(next);
    setUnsaved(true);
    // A new story gets its own address once there is something to keep, so a reload comes back to it.
    if (!props.draftKey && current.storyId === null && current.edits === 0) {
      history.replaceState(null, '', `${base}drafts/${next.key}`);
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(save, autosaveDelay) as unknown as number;
  }

  if (error) {
    return (
      <section>
        <h1>{t('app-form-unavailable')}</h1>
        <ErrorMessage error={error} />
      </section>
    );
  }
  if (!draft || !template) return <Loading />;

  const setField = (key: string, value: unknown) => change({ fields: { ...draft.fields, [key]: value } as Fields });
  const problemsOf = (key: string) => draft.problems.filter((problem) => problem.field === key);
  const elsewhere = draft.problems.filter((problem) => !template.fields.some((field) => field.key === problem.field));

  let status: string;
  if (draft.conflict) status = t('app-form-status-conflict');
  else if (unsaved) status = t('app-form-status-saving');
  else if (sendingKey === draft.key) status = t('app-form-status-sending');
  else if (draft.error && draft.refusedEdits === draft.edits) status = t('app-form-status-refused', { message: draft.error });
  else if (draft.edits === 0 && draft.storyId === null) status = t('app-form-status-empty');
  else if (!isPending(draft)) status = t('app-form-status-sent', { revision: draft.revision ?? 0 });
  else if (!online) status = t('app-form-status-offline');
  else status = t('app-form-status-local');

  return (
    <article class="story story-form" aria-labelledby="form-title">
      <h1 id="form-title">{draft.storyId === null ? t('app-form-new-title') : t('app-form-edit-title')}</h1>
      <p class="muted">
        <span data-user-content>{label(template.name)}</span> · {t('app-form-intro')}
      </p>
      <p class={`save-state${draft.conflict || draft.error ? ' error' : ''}`} role="status">
        {status}
      </p>
      {draft.conflict ? (
        <ConflictChoice
          draft={draft}
          template={template}
          onResolve={(keepServer) => {
            const conflict = draft.conflict!;
            const next: Draft = {
              ...draft,
              ...fromServer(resolved(draft, keepServer), draft.photos),
              revision: conflict.revision,
              base: conflict.fields,
              conflict: undefined,
              edits: draft.edits + 1,
            };
            latest.current = next;
            setDraft(next);
            // The choice starts from the server's revision: it is stored whole, then sent.
            updateDraft(next.key, () => next).then(() => sendDrafts(userId));
          }}
        />
      ) : null}
      {elsewhere.length ? (
        <ul class="panel problems" data-user-content>
          {elsewhere.map((problem) => (
            <li class={`problem-${problem.severity}`}>{problem.message}</li>
          ))}
        </ul>
      ) : null}
      <form class="stack" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('app-form-language')}
          <select value={draft.language} onChange={(event) => change({ language: event.currentTarget.value })}>
            {['fr', 'en'].map((code) => (
              <option value={code} data-user-content>
                {languageName(code)}
              </option>
            ))}
          </select>
        </label>
        {template.sections.map((section) => (
          <section class="story-section stack" aria-labelledby={`form-section-${section.key}`}>
            <h2 id={`form-section-${section.key}`} data-user-content>
              {label(section.label)}
            </h2>
            {template.fields
              .filter((field) => field.section === section.key)
              .map((field) =>
                field.type === 'photos' ? (
                  <PhotosEditor
                    field={field}
                    draftKey={draft.key}
                    storyId={draft.storyId}
                    photos={draft.photos}
                    problems={problemsOf(field.key)}
                    onChange={(photos) => change({ photos })}
                  />
                ) : (
                  <FieldEditor field={field} value={draft.fields[field.key]} problems={problemsOf(field.key)} onChange={(value) => setField(field.key, value)} />
                ),
              )}
          </section>
        ))}
        <p class="muted">{t('app-form-required-note')}</p>
        <div class="buttons">
          {draft.storyId !== null ? (
            <a class="button primary" href={`${base}stories/${draft.storyId}`} onClick={() => save()}>
              {t('app-form-see-story')}
            </a>
          ) : null}
          <a class="button" href={base} onClick={() => save()}>
            {t('app-form-back')}
          </a>
        </div>
      </form>
    </article>
  );
}
