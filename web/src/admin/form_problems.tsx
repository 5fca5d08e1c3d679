// A refused form's problems, each under the field it names (the server's messages, in the UI language).
import { ApiError } from '../api';
import { t } from '../i18n';

export type FieldProblems = Record<string, string[]>;

/// The problems of a failed request by field; a failure without problems goes under "" with its message.
export function problemsOf(failure: unknown): FieldProblems {
  const byField: FieldProblems = {};
  if (failure instanceof ApiError && failure.problems.length) {
    for (const problem of failure.problems) {
      (byField[problem.field] ??= []).push(problem.message);
    }
  } else {
    byField[''] = [failure instanceof Error && failure.message ? failure.message : t('app-error-generic')];
  }
  return byField;
}

export function FieldError({ problems, field }: { problems: FieldProblems; field: string }) {
  const messages = problems[field];
  return messages?.length ? (
    <span class="field-error" id={`${field || 'form'}-error`} role={field ? undefined : 'alert'} data-user-content>
      {messages.join(' ')}
    </span>
  ) : null;
}

/// Problems about fields the form does not show (and the failure's message), so that none is lost.
export function OtherProblems({ problems, shown }: { problems: FieldProblems; shown: string[] }) {
  const other = Object.entries(problems).filter(([field]) => !shown.includes(field));
  return other.length ? (
    <p class="error" role="alert" data-user-content>
      {other.flatMap(([, messages]) => messages).join(' ')}
    </p>
  ) : null;
}
