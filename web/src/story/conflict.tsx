// The story changed on the server while the writer worked offline, and both changed the same fields: each such
// field is shown in both versions, and the writer picks the one to keep.
import type { Template } from '../api';
import { t } from '../i18n';
import { merge, serverFields } from '../offline/sync';
import type { Draft, Fields } from '../offline/drafts';
import { FieldValue } from './fields';
import { label } from './inputs';

/// The fields both sides changed differently: those the writer must choose.
export const conflictingFields = (draft: Draft): string[] =>
  draft.conflict ? merge(serverFields(draft), draft.base, draft.conflict.fields).conflicts : [];

/// The fields to keep, by the writer's choices for the conflicting ones and the merge for the others.
export function resolved(draft: Draft, keepServer: Set<string>): Fields {
  const theirs = draft.conflict!.fields;
  const { merged } = merge(serverFields(draft), draft.base, theirs);
  for (const key of keepServer) {
    if (theirs[key] === undefined) delete merged[key];
    else merged[key] = theirs[key];
  }
  return merged;
}

export function ConflictChoice({ draft, template, onResolve }: { draft: Draft; template: Template; onResolve: (keepServer: Set<string>) => void }) {
  const conflict = draft.conflict!;
  const mine = serverFields(draft);
  const keys = conflictingFields(draft);
  const typeOf = (key: string) => template.fields.find((field) => field.key === key)?.type ?? 'text';
  const nameOf = (key: string) => label(template.fields.find((field) => field.key === key)?.label) || key;
  const version = (key: string, value: unknown) =>
    value === undefined ? (
      <p class="muted">{t('app-conflict-empty')}</p>
    ) : (
      <div data-user-content>
        <FieldValue type={typeOf(key)} value={value} storyId={draft.storyId ?? 0} />
      </div>
    );
  return (
    <section class="panel conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('app-conflict-title')}</h2>
      <p>{t('app-conflict-intro', { revision: conflict.revision })}</p>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          onResolve(new Set(keys.filter((key) => form.get(`keep-${key}`) === 'server')));
        }}
      >
        {keys.map((key) => (
          <fieldset class="versions">
            <legend data-user-content>{nameOf(key)}</legend>
            <div class="version">
              <label class="check">
                <input type="radio" name={`keep-${key}`} value="mine" checked />
                {t('app-conflict-mine')}
              </label>
              {version(key, mine[key])}
            </div>
            <div class="version">
              <label class="check">
                <input type="radio" name={`keep-${key}`} value="server" />
                {t('app-conflict-server', { revision: conflict.revision })}
              </label>
              {version(key, conflict.fields[key])}
            </div>
          </fieldset>
        ))}
        <button type="submit" class="primary">
          {t('app-conflict-keep')}
        </button>
      </form>
    </section>
  );
}
