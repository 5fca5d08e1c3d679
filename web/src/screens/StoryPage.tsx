// One story as its template lays it out (sections in order, labels in the UI language), its history and
// workflow moves, and the buttons for the moves the user's role allows from its state.
import { useEffect, useState } from 'preact/hooks';
import {
  ApiError,
  api,
  type Principal,
  type Revision,
  type Status,
  type Story,
  type Template,
  type Transition,
} from '../api';
import { ErrorMessage, Loading, Notice, StatusBadge, statusLabel } from '../components';
import { dataLanguage, formatDate, t } from '../i18n';
import { base } from '../router';
import { Comments } from '../story/Comments';
import { Downloads } from '../story/Downloads';
import { FieldValue, isEmpty } from '../story/fields';
import { RevisionDiff } from '../story/RevisionDiff';
import { Tags } from '../story/Tags';
import { movesFor, type Move } from '../story/workflow';

interface Loaded {
  story: Story;
  template: Template;
  status: Status;
  revisions: Revision[];
  transitions: Transition[];
  /// Whether the reader sees the story as written (its history is theirs to read), not only its public text.
  asWritten: boolean;
}

const label = (labels: Record<string, string>) => labels[dataLanguage] ?? labels.fr ?? Object.values(labels)[0] ?? '';

async function load(id: number): Promise<Loaded> {
  const story = await api.story(id);
  const [template, revisions, transitions] = await Promise.all([
    api.template(story.template),
    api.history(id).then(
      (history) => history.revisions,
      () => [] as Revision[],
    ),
    // History and moves are kept from readers who may not see personal data (403): for them the story is a
    // published one, the only kind they can open.
    api.transitions(id).then(
      (moves) => moves.transitions,
      (error) => (error instanceof ApiError && error.status === 403 ? null : Promise.reject(error)),
    ),
  ]);
  // Stories start as drafts; the newest move says where the story is now.
  const status: Status = transitions === null ? 'published' : (transitions[0]?.to ?? 'draft');
  return { story, template, status, revisions, transitions: transitions ?? [], asWritten: transitions !== null };
}

export function StoryPage({ id, principal }: { id: number; principal: Principal }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<Move | null>(null);
  const [moveError, setMoveError] = useState('');
  const [notice, setNotice] = useState('');

  const reload = () => load(id).then(setLoaded, setError);
  useEffect(() => {
    setLoaded(null);
    reload();
  }, [id]);

  if (error) {
    return (
      <section>
        <h1>{t('app-story-not-found')}</h1>
        <ErrorMessage error={error} />
        <p>
          <a href={base}>{t('app-back-to-list')}</a>
        </p>
      </section>
    );
  }
  if (!loaded) {
    return <Loading />;
  }
  const { story, template, status, revisions, transitions } = loaded;
  const roles = principal.user.memberships.map((membership) => membership.role);
  const moves = movesFor(roles, status);
  const editable = (status === 'draft' || status === 'changes_requested') && roles.some((role) => role === 'contributor' || role === 'coordinator');

  async function move(chosen: Move, reason: string) {
    setMoveError('');
    try {
      await api.move(id, chosen.to, reason);
      // The page shows the new state (and its buttons) before saying it is done.
      setLoaded(await load(id));
      setPending(null);
      setNotice(t('app-move-done', { status: statusLabel(chosen.to) }));
    } catch (failure) {
      setMoveError(failure instanceof Error && failure.message ? failure.message : t('app-error-generic'));
    }
  }

  function start(chosen: Move) {
    setNotice('');
    if (chosen.reasonRequired) {
      setPending(chosen);
    } else {
      move(chosen, '');
    }
  }

  const title = typeof story.fields.title === 'string' ? story.fields.title : `#${id}`;
  return (
    <article aria-labelledby="story-title" class="story">
      <p>
        <a href={base}>{t('app-back-to-list')}</a>
      </p>
      <header class="story-head">
        <h1 id="story-title" data-user-content>
          {title}
        </h1>
        <p>
          <StatusBadge status={status} /> <span class="muted" data-user-content>{label(template.name)}</span>
        </p>
        {editable ? (
          <p>
            <a class="button" href={`${base}stories/${id}/edit`}>
              {t('app-story-edit')}
            </a>
          </p>
        ) : null}
      </header>
      <Notice text={notice} />
      {moves.length ? (
        <section class="panel actions" aria-labelledby="actions-title">
          <h2 id="actions-title">{t('app-actions-title')}</h2>
          <div class="buttons">
            {moves.map((candidate) => (
              <button
                type="button"
                class={candidate.reasonRequired ? '' : 'primary'}
                aria-expanded={candidate.reasonRequired ? pending === candidate : undefined}
                onClick={() => start(candidate)}
              >
                {t(candidate.action)}
              </button>
            ))}
          </div>
          {pending ? (
            <form
              class="stack"
              onSubmit={(event) => {
                event.preventDefault();
                const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
                if (reason) move(pending, reason);
              }}
            >
              <label>
                {t('app-move-reason')}
                <textarea name="reason" rows={3} required autoFocus />
              </label>
              <div class="buttons">
                <button type="submit" class="primary">
                  {t('app-move-send')}
                </button>
                <button type="button" onClick={() => setPending(null)}>
                  {t('app-cancel')}
                </button>
              </div>
            </form>
          ) : null}
          {moveError ? (
            <p class="error" role="alert">
              {moveError}
            </p>
          ) : null}
        </section>
      ) : null}
      {story.problems.length ? (
        <section class="panel problems" aria-labelledby="problems-title">
          <h2 id="problems-title">{t('app-problems-title')}</h2>
          <ul data-user-content>
            {story.problems.map((problem) => (
              <li class={`problem-${problem.severity}`}>{problem.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {template.sections.map((section) => {
        const fields = template.fields.filter(
          (field) => field.section === section.key && field.key !== 'title' && !isEmpty(story.fields[field.key]),
        );
        return fields.length ? (
          <section class="story-section" aria-labelledby={`section-${section.key}`}>
            <h2 id={`section-${section.key}`} data-user-content>
              {label(section.label)}
            </h2>
            {fields.map((field) => (
              <div class="field">
                <h3 data-user-content>{label(field.label)}</h3>
                <div data-user-content>
                  <FieldValue type={field.type} value={story.fields[field.key]} storyId={id} />
                </div>
              </div>
            ))}
          </section>
        ) : null;
      })}
      <Downloads id={id} asWritten={loaded.asWritten} />
      <section class="panel" aria-labelledby="history-title">
        <h2 id="history-title">{t('app-history-title')}</h2>
        {transitions.length ? (
          <>
            <h3>{t('app-history-moves')}</h3>
            <ul class="timeline">
              {transitions.map((step) => (
                <li>
                  <StatusBadge status={step.to} />{' '}
                  <span data-user-content>
                    {formatDate(step.at)} · {step.actor}
                    {step.reason ? (
                      <>
                        {' — '}
                        <q>{step.reason}</q>
                      </>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <RevisionDiff id={id} revisions={revisions} template={template} />
      </section>
      <Tags id={id} template={template} />
      <Comments id={id} template={template} />
    </article>
  );
}
