// Importing documents: several Word, ODT, PDF or text files dropped or picked at once, each sent to
// POST /api/v1/documents in turn; each becomes a draft, listed with the problems found in it, field by field.
import { useRef, useState } from 'preact/hooks';
import { ApiError, api, type Problem, type Template } from '../api';
import { t } from '../i18n';
import { base } from '../router';
import { importDocument, type ImportedDocument } from '../story/story_api';
import { templateLabel } from '../story/template_labels';

const kAccepted = '.docx,.odt,.pdf,.txt,.md';

interface ImportRow {
  file: string;
  state: 'sending' | 'done' | 'failed';
  result?: ImportedDocument;
  template?: Template;
  error?: string;
  problems?: Problem[];
}

const templates = new Map<string, Promise<Template>>();
function templateOf(id: string): Promise<Template> {
  if (!templates.has(id)) templates.set(id, api.template(id));
  return templates.get(id)!;
}

function ProblemsByField({ problems, template }: { problems: Problem[]; template?: Template }) {
  const fields = [...new Set(problems.map((problem) => problem.field))];
  const label = (key: string) => {
    const field = template?.fields.find((candidate) => candidate.key === key);
    return field ? templateLabel(field.label) : key || t('app-import-whole-document');
  };
  return (
    <dl class="import-problems">
      {fields.map((key) => (
        <>
          <dt data-user-content>{label(key)}</dt>
          {problems
            .filter((problem) => problem.field === key)
            .map((problem) => (
              <dd class={`problem-${problem.severity}`}>
                <span class="visually-hidden">
                  {problem.severity === 'error' ? t('app-import-severity-error') : t('app-import-severity-warning')}
                </span>{' '}
                <span data-user-content>{problem.message}</span>
              </dd>
            ))}
        </>
      ))}
    </dl>
  );
}

export function Import() {
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function send(files: File[]) {
    const first = rows.length;
    setRows((current) => [...current, ...files.map((file) => ({ file: file.name, state: 'sending' as const }))]);
    // One at a time: on a slow connection, parallel uploads would all be slow and might all time out.
    for (const [index, file] of files.entries()) {
      let row: ImportRow;
      try {
        const result = await importDocument(file);
        const template = await templateOf(result.story.template).catch(() => undefined);
        row = { file: file.name, state: 'done', result, template };
      } catch (failure) {
        row = {
          file: file.name,
          state: 'failed',
          error: failure instanceof Error && failure.message ? failure.message : t('app-error-generic'),
          problems: failure instanceof ApiError ? failure.problems : [],
        };
      }
      setRows((current) => current.map((existing, at) => (at === first + index ? row : existing)));
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length) send(files);
  }

  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">{t('app-import-title')}</h1>
      <p class="muted">{t('app-import-intro')}</p>
      <div
        class={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('app-import-drop')}</p>
        <label class="file-pick">
          {t('app-import-pick')}
          <input
            ref={input}
            type="file"
            name="files"
            multiple
            accept={kAccepted}
            onChange={(event) => {
              const files = [...(event.currentTarget.files ?? [])];
              event.currentTarget.value = '';
              if (files.length) send(files);
            }}
          />
        </label>
        <p class="muted">{t('app-import-formats')}</p>
      </div>
      {rows.length ? (
        <ul class="cards import-results" aria-live="polite">
          {rows.map((row) => {
            const title =
              row.result && typeof row.result.story.fields.title === 'string'
                ? row.result.story.fields.title
                : row.result
                  ? `#${row.result.story_id}`
                  : '';
            return (
              <li class="card">
                <p class="import-file">
                  <span data-user-content>{row.file}</span>{' '}
                  <span class={`import-state import-${row.state}`}>
                    {row.state === 'sending'
                      ? t('app-import-sending')
                      : row.state === 'failed'
                        ? t('app-import-failed')
                        : row.result?.created
                          ? t('app-import-created')
                          : t('app-import-known')}
                  </span>
                </p>
                {row.result ? (
                  <>
                    <h2 class="import-title" data-user-content>
                      <a href={`${base}stories/${row.result.story_id}`}>{title}</a>
                    </h2>
                    {row.result.story.problems.length ? (
                      <ProblemsByField problems={row.result.story.problems} template={row.template} />
                    ) : (
                      <p class="muted">{t('app-import-no-problem')}</p>
                    )}
                  </>
                ) : null}
                {row.error ? (
                  <p class="error" role="alert" data-user-content>
                    {row.error}
                  </p>
                ) : null}
                {row.problems?.length ? <ProblemsByField problems={row.problems} /> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
