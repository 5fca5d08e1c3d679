// The booklet builder: find stories, choose them in the order the booklet will have, see its contents and its
// pages as the server prints them, and download it as PDF or Word; or the same stories as a spreadsheet. What
// goes in each file is decided by the server with the user's rights (personal data only when asked and allowed).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, apiErrorOf, type Status, type StorySummary } from '../api';
import { StatusBadge, statusLabel } from '../components';
import { download } from '../download';
import { countryName, dataLanguage, t } from '../i18n';

const statuses: Status[] = ['published', 'approved', 'submitted', 'draft', 'changes_requested', 'archived'];

const placeOf = (story: StorySummary) =>
  [story.locality, story.country ? countryName(story.country) : ''].filter(Boolean).join(', ');

interface Outcome {
  text: string;
  error: boolean;
}

function outcomeOf(failure: unknown): Outcome {
  return { text: failure instanceof Error && failure.message ? failure.message : t('app-error-generic'), error: true };
}

interface PreviewPage {
  url: string; // an object URL of the page's PNG
  page: number;
  count: number;
  title: string;
}

/// Width asked of the server for a preview page: sharp on a phone's dense screen, light enough for 3G.
const previewWidth = 800;

function StatusMessage({ outcome }: { outcome: Outcome | null }) {
  return outcome ? (
    <p class={outcome.error ? 'error' : 'muted'} role={outcome.error ? 'alert' : 'status'}>
      {outcome.text}
    </p>
  ) : null;
}

export function BookletBuilder() {
  const [words, setWords] = useState('');
  const [status, setStatus] = useState<Status | ''>('published');
  const [results, setResults] = useState<StorySummary[] | null>(null);
  const [chosen, setChosen] = useState<StorySummary[]>([]);
  const [searchOutcome, setSearchOutcome] = useState<Outcome | null>(null);
  const [bookletOutcome, setBookletOutcome] = useState<Outcome | null>(null);
  const [dataOutcome, setDataOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<PreviewPage | null>(null);
  const [previewOutcome, setPreviewOutcome] = useState<Outcome | null>(null);
  const bookletForm = useRef<HTMLFormElement>(null);
  useEffect(() => () => preview && URL.revokeObjectURL(preview.url), [preview]);

  async function search() {
    setSearchOutcome(null);
    const query = new URLSearchParams({ limit: '50' });
    if (words.trim()) query.set('q', words.trim());
    if (status) query.set('status', status);
    try {
      const found = await api.search(query);
      setResults(found.hits.map((hit) => hit.story));
    } catch (failure) {
      setSearchOutcome(outcomeOf(failure));
    }
  }
  useEffect(() => {
    search();
  }, []);

  const isChosen = (story: StorySummary) => chosen.some((other) => other.id === story.id);
  const add = (stories: StorySummary[]) => setChosen([...chosen, ...stories.filter((story) => !isChosen(story))]);
  const remove = (index: number) => setChosen(chosen.filter((_, at) => at !== index));
  const swap = (index: number, other: number) => {
    const next = [...chosen];
    [next[index], next[other]] = [next[other], next[index]];
    setChosen(next);
  };
  const ids = () => chosen.map((story) => `id=${story.id}`).join('&');

  async function fetchFile(path: string, fallback: string, report: (outcome: Outcome | null) => void) {
    setBusy(true);
    report({ text: t('app-download-preparing'), error: false });
    try {
      const name = await download(path, fallback);
      report({ text: t('app-download-done', { file: name }), error: false });
    } catch (failure) {
      const personal = new URLSearchParams(path.split('?')[1]).get('personal_data') === 'include';
      report(
        failure instanceof ApiError && failure.status === 403 && personal
          ? { text: t('app-booklet-personal-refused'), error: true }
          : outcomeOf(failure),
      );
    } finally {
      setBusy(false);
    }
  }

  function bookletQuery(element: HTMLFormElement): URLSearchParams {
    const form = new FormData(element);
    const query = new URLSearchParams();
    for (const name of ['title', 'period', 'consortium', 'format', 'paper', 'lang']) {
      const value = String(form.get(name) ?? '').trim();
      if (value) query.set(name, value);
    }
    if (form.get('personal_data')) query.set('personal_data', 'include');
    return query;
  }

  function downloadBooklet(event: Event) {
    event.preventDefault();
    const query = bookletQuery(event.currentTarget as HTMLFormElement);
    const format = query.get('format') ?? 'pdf';
    fetchFile(`/booklet?${query.toString()}&${ids()}`, `booklet.${format}`, setBookletOutcome);
  }

  /// Page `page` of the booklet as the form describes it, drawn by the server (the PDF's page, whatever format
  /// will be downloaded).
  async function showPage(page: number) {
    const form = bookletForm.current;
    if (!form || !form.reportValidity()) return;
    const query = bookletQuery(form);
    query.set('format', 'png');
    query.set('page', String(page));
    query.set('width', String(previewWidth));
    setBusy(true);
    setPreviewOutcome({ text: t('app-booklet-preview-loading'), error: false });
    try {
      const response = await fetch(`/api/v1/booklet?${query.toString()}&${ids()}`, {
        credentials: 'same-origin',
        headers: { 'Accept-Language': dataLanguage },
      });
      if (!response.ok) throw await apiErrorOf(response);
      const count = Number(response.headers.get('X-Page-Count') ?? '1');
      const url = URL.createObjectURL(await response.blob());
      setPreview({ url, page, count, title: query.get('title') ?? '' });
      setPreviewOutcome(null);
    } catch (failure) {
      setPreviewOutcome(
        failure instanceof ApiError && failure.status === 403 && query.get('personal_data') === 'include'
          ? { text: t('app-booklet-personal-refused'), error: true }
          : outcomeOf(failure),
      );
    } finally {
      setBusy(false);
    }
  }

  function downloadData(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const choice = String(form.get('data_format') ?? 'xlsx');
    const query = new URLSearchParams({ format: choice === 'csv-excel' ? 'csv' : choice, lang: dataLanguage });
    if (choice === 'csv-excel') query.set('excel_fr', 'true');
    if (form.get('personal_data')) query.set('personal_data', 'include');
    fetchFile(`/export?${query.toString()}&${ids()}`, `stories.${query.get('format')}`, setDataOutcome);
  }

  return (
    <section class="booklet" aria-labelledby="booklet-title">
      <h1 id="booklet-title">{t('app-booklet-title')}</h1>
      <p class="muted">{t('app-booklet-intro')}</p>

      <section class="panel" aria-labelledby="booklet-find">
        <h2 id="booklet-find">{t('app-booklet-search')}</h2>
        <form
          role="search"
          class="booklet-search"
          onSubmit={(event) => {
            event.preventDefault();
            search();
          }}
        >
          <label>
            {t('app-booklet-words')}
            <input type="search" value={words} onInput={(event) => setWords(event.currentTarget.value)} />
          </label>
          <label>
            {t('app-booklet-status')}
            <select value={status} onChange={(event) => setStatus(event.currentTarget.value as Status | '')}>
              <option value="">{t('app-booklet-any-status')}</option>
              {statuses.map((value) => (
                <option value={value}>{statusLabel(value)}</option>
              ))}
            </select>
          </label>
          <button type="submit" class="primary">
            {t('app-booklet-search-button')}
          </button>
        </form>
        <StatusMessage outcome={searchOutcome} />
        {results && results.length === 0 ? <p class="muted">{t('app-booklet-no-results')}</p> : null}
        {results && results.length > 0 ? (
          <>
            <div class="buttons">
              <button type="button" onClick={() => add(results)}>
                {t('app-booklet-add-all', { count: results.length })}
              </button>
            </div>
            <ul class="picks" aria-label={t('app-booklet-results')}>
              {results.map((story) => (
                <li>
                  <span class="pick-text">
                    <strong data-user-content>{story.title || `#${story.id}`}</strong>{' '}
                    <StatusBadge status={story.status} />
                    <br />
                    <span class="muted" data-user-content>
                      {[story.partner_ngo, placeOf(story)].filter(Boolean).join(' · ')}
                    </span>
                  </span>
                  <button
                    type="button"
                    disabled={isChosen(story)}
                    aria-label={t('app-booklet-add-named', { title: story.title || `#${story.id}` })}
                    onClick={() => add([story])}
                  >
                    {isChosen(story) ? t('app-booklet-added') : t('app-booklet-add')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section class="panel" aria-labelledby="booklet-contents">
        <h2 id="booklet-contents">{t('app-booklet-chosen', { count: chosen.length })}</h2>
        {chosen.length === 0 ? (
          <p class="muted">{t('app-booklet-empty')}</p>
        ) : (
          <ol class="picks contents">
            {chosen.map((story, index) => {
              const name = story.title || `#${story.id}`;
              return (
                <li>
                  <span class="pick-text">
                    <strong data-user-content>{name}</strong>
                    <br />
                    <span class="muted" data-user-content>
                      {[story.partner_ngo, placeOf(story)].filter(Boolean).join(' · ')}
                    </span>
                  </span>
                  <span class="buttons">
                    <button
                      type="button"
                      disabled={index === 0}
                      aria-label={t('app-booklet-up', { title: name })}
                      onClick={() => swap(index, index - 1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      disabled={index === chosen.length - 1}
                      aria-label={t('app-booklet-down', { title: name })}
                      onClick={() => swap(index, index + 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      aria-label={t('app-booklet-remove', { title: name })}
                      onClick={() => remove(index)}
                    >
                      ✕
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <form class="panel stack" aria-labelledby="booklet-make" onSubmit={downloadBooklet} ref={bookletForm}>
        <h2 id="booklet-make">{t('app-booklet-make')}</h2>
        <label>
          {t('app-booklet-cover-title')}
          <input name="title" required />
        </label>
        <div class="columns">
          <label>
            {t('app-booklet-period')}
            <input name="period" />
          </label>
          <label>
            {t('app-booklet-consortium')}
            <input name="consortium" />
          </label>
        </div>
        <div class="columns">
          <label>
            {t('app-booklet-format')}
            <select name="format">
              <option value="pdf">{t('app-download-pdf')}</option>
              <option value="docx">{t('app-download-docx')}</option>
            </select>
          </label>
          <label>
            {t('app-booklet-paper')}
            <select name="paper">
              <option value="a4">{t('app-booklet-paper-a4')}</option>
              <option value="letter">{t('app-booklet-paper-letter')}</option>
            </select>
          </label>
          <label>
            {t('app-booklet-language')}
            <select name="lang">
              <option value="fr" selected={dataLanguage === 'fr'}>
                {t('app-language-fr')}
              </option>
              <option value="en" selected={dataLanguage === 'en'}>
                {t('app-language-en')}
              </option>
            </select>
          </label>
        </div>
        <label class="check">
          <input type="checkbox" name="personal_data" />
          {t('app-booklet-personal')}
        </label>
        <div class="buttons">
          <button type="button" disabled={busy || chosen.length === 0} onClick={() => showPage(1)}>
            {t('app-booklet-preview')}
          </button>
          <button type="submit" class="primary" disabled={busy || chosen.length === 0}>
            {t('app-booklet-download')}
          </button>
        </div>
        <StatusMessage outcome={bookletOutcome} />
      </form>

      {preview || previewOutcome ? (
        <section class="panel booklet-preview" aria-labelledby="booklet-preview-title">
          <h2 id="booklet-preview-title">{t('app-booklet-preview-title')}</h2>
          <StatusMessage outcome={previewOutcome} />
          {preview ? (
            <>
              <div class="buttons preview-pages">
                <button
                  type="button"
                  disabled={busy || preview.page <= 1}
                  onClick={() => showPage(preview.page - 1)}
                >
                  {t('app-booklet-preview-previous')}
                </button>
                <span aria-live="polite">{t('app-booklet-preview-page', { page: preview.page, count: preview.count })}</span>
                <button
                  type="button"
                  disabled={busy || preview.page >= preview.count}
                  onClick={() => showPage(preview.page + 1)}
                >
                  {t('app-booklet-preview-next')}
                </button>
              </div>
              <img
                class="preview-page"
                src={preview.url}
                width={previewWidth}
                alt={t('app-booklet-preview-alt', { page: preview.page, count: preview.count, title: preview.title })}
              />
            </>
          ) : null}
        </section>
      ) : null}

      <form class="panel stack" aria-labelledby="booklet-data" onSubmit={downloadData}>
        <h2 id="booklet-data">{t('app-data-title')}</h2>
        <p class="muted">{t('app-data-intro')}</p>
        <label>
          {t('app-booklet-format')}
          <select name="data_format">
            <option value="xlsx">{t('app-format-xlsx')}</option>
            <option value="csv">{t('app-format-csv')}</option>
            <option value="csv-excel">{t('app-format-csv-excel')}</option>
          </select>
        </label>
        <label class="check">
          <input type="checkbox" name="personal_data" />
          {t('app-booklet-personal')}
        </label>
        <button type="submit" disabled={busy || chosen.length === 0}>
          {t('app-data-download')}
        </button>
        <StatusMessage outcome={dataOutcome} />
      </form>
    </section>
  );
}
