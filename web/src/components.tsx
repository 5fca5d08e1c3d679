// Small pieces the screens share.
import { ApiError, type Status, type StorySummary } from './api';
import { countryName, t } from './i18n';
import { base } from './router';
import { snippetParts } from './snippet';

const statusKeys: Record<Status, string> = {
  draft: 'app-status-draft',
  submitted: 'app-status-submitted',
  changes_requested: 'app-status-changes-requested',
  approved: 'app-status-approved',
  published: 'app-status-published',
  archived: 'app-status-archived',
};

export const statusLabel = (status: Status): string => (status in statusKeys ? t(statusKeys[status]) : status);

export function StatusBadge({ status }: { status: Status }) {
  return <span class={`badge badge-${status}`}>{statusLabel(status)}</span>;
}

export function StoryCard({ story, snippet }: { story: StorySummary; snippet?: string }) {
  const place = [story.locality, story.country ? countryName(story.country) : ''].filter(Boolean).join(', ');
  return (
    <li class="card">
      <div class="card-head">
        <h3 data-user-content>
          <a href={`${base}stories/${story.id}`}>{story.title || `#${story.id}`}</a>
        </h3>
        <StatusBadge status={story.status} />
      </div>
      <p class="muted" data-user-content>
        {[story.partner_ngo, place].filter(Boolean).join(' · ')}
      </p>
      {snippet ? (
        <p class="snippet" data-user-content>
          {highlighted(snippet)}
        </p>
      ) : null}
    </li>
  );
}

/// The search snippet is escaped HTML with the matches in <mark>: it is rebuilt as elements rather than
/// inserted as HTML, so nothing else in it can ever become markup.
function highlighted(snippet: string) {
  return snippetParts(snippet).map((part) => (part.marked ? <mark>{part.text}</mark> : part.text));
}

export function Loading() {
  return (
    <p class="muted" role="status">
      {t('app-loading')}
    </p>
  );
}

/// What a change just did ("Rôle enregistré."), announced to screen readers; nothing when there is no news.
export function Notice({ text }: { text: string }) {
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;
}

export function ErrorMessage({ error }: { error: unknown }) {
  // Only the server's own messages are shown as they are; a failed fetch (no network) says so in the UI language.
  const message = error instanceof ApiError && error.message ? error.message : t('app-error-generic');
  return (
    <p class="error" role="alert">
      {message}
    </p>
  );
}
