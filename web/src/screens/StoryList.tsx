// The stories the user may see: full-text search (accents and word endings ignored by the server), facets with
// their counts, and filters kept in the address so a search can be bookmarked.
import { useEffect, useState } from 'preact/hooks';
import { api, type SearchResult, type Status } from '../api';
import { ErrorMessage, Loading, StoryCard, statusLabel } from '../components';
import { countryName, languageName, t } from '../i18n';
import { LocalDrafts } from '../offline/LocalDrafts';
import { navigate } from '../router';

const facetNames = ['status', 'country', 'partner_ngo', 'consortium_member', 'year', 'language', 'tag'] as const;
const facetKeys: Record<string, string> = {
  status: 'app-facet-status',
  country: 'app-facet-country',
  partner_ngo: 'app-facet-partner-ngo',
  consortium_member: 'app-facet-consortium-member',
  year: 'app-facet-year',
  language: 'app-facet-language',
  tag: 'app-facet-tag',
};
/// The query parameter that filters on each facet (docs/openapi.yaml).
const filterParameter: Record<string, string> = {
  status: 'status',
  country: 'country',
  partner_ngo: 'partner',
  consortium_member: 'member',
  year: 'year',
  language: 'language',
  tag: 'tag',
};

function valueLabel(facet: string, value: string): string {
  if (facet === 'status') return statusLabel(value as Status);
  if (facet === 'country') return countryName(value);
  if (facet === 'language') return languageName(value);
  return value;
}

export function StoryList({ query, userId }: { query: URLSearchParams; userId: number }) {
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const queryText = query.toString();

  useEffect(() => {
    const asked = new URLSearchParams(queryText);
    asked.set('facets', 'true');
    asked.set('limit', '50');
    setError(null);
    api.search(asked).then(setResult, setError);
  }, [queryText]);

  function go(next: URLSearchParams) {
    next.delete('lang');
    const text = next.toString();
    navigate(text ? `?${text}` : '');
  }

  function search(event: Event) {
    event.preventDefault();
    const next = new URLSearchParams(queryText);
    const words = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    words ? next.set('q', words) : next.delete('q');
    go(next);
  }

  function toggle(parameter: string, value: string) {
    const next = new URLSearchParams(queryText);
    next.get(parameter) === value ? next.delete(parameter) : next.set(parameter, value);
    go(next);
  }

  const active = facetNames.filter((facet) => query.has(filterParameter[facet]));

  return (
    <section aria-labelledby="list-title">
      <h1 id="list-title">{t('app-list-title')}</h1>
      <LocalDrafts userId={userId} />
      <form role="search" class="search" onSubmit={search}>
        <label for="search-words" class="visually-hidden">
          {t('app-search-label')}
        </label>
        <input
          id="search-words"
          name="q"
          type="search"
          defaultValue={query.get('q') ?? ''}
          key={query.get('q') ?? ''}
          placeholder={t('app-search-placeholder')}
        />
        <button type="submit" class="primary">
          {t('app-search-submit')}
        </button>
      </form>
      {active.length ? (
        <ul class="chips" aria-label={t('app-filters-active')}>
          {active.map((facet) => {
            const value = query.get(filterParameter[facet]) ?? '';
            return (
              <li>
                <button type="button" class="chip" onClick={() => toggle(filterParameter[facet], value)}>
                  {t('app-filter-remove', { facet: t(facetKeys[facet]) })}{' '}
                  <span data-user-content>{valueLabel(facet, value)}</span> <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div class="with-sidebar">
        <div class="results">
          {error ? <ErrorMessage error={error} /> : null}
          {!result && !error ? <Loading /> : null}
          {result ? (
            <>
              <p class="muted" role="status">
                {t(result.total === 1 ? 'app-results-one' : 'app-results-many', { count: result.total })}
              </p>
              <ul class="cards">
                {result.hits.map((hit) => (
                  <StoryCard story={hit.story} snippet={query.get('q') ? hit.snippet : undefined} />
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <aside aria-label={t('app-facets-title')} class="facets">
          {result?.facets
            ? facetNames
                .filter((facet) => (result.facets?.[facet] ?? []).length > 0)
                .map((facet) => (
                  <details open={facet === 'status' || query.has(filterParameter[facet])}>
                    <summary>{t(facetKeys[facet])}</summary>
                    <ul>
                      {(result.facets?.[facet] ?? []).map(({ value, count }) => (
                        <li>
                          <button
                            type="button"
                            class="facet"
                            aria-pressed={query.get(filterParameter[facet]) === value}
                            onClick={() => toggle(filterParameter[facet], value)}
                          >
                            <span data-user-content>{valueLabel(facet, value)}</span>
                            <span class="count" data-user-content>
                              {count}
                            </span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  </details>
                ))
            : null}
        </aside>
      </div>
    </section>
  );
}


