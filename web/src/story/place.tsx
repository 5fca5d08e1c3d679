// The form's editor of a place ({name, country, text}): the locality's name, with known places suggested from the
// server's gazetteer as it is typed (an ARIA combobox: arrows, Enter, Escape), its country from a list of ISO
// 3166-1 codes named in the UI language, and free text. Offline, nothing is suggested and typing is unchanged.
import { useEffect, useRef, useState } from 'preact/hooks';
import { knownPlaces, type KnownPlace } from '../api';
import { countryCodes } from '../dashboard/country_codes';
import { dataLanguage, t } from '../i18n';
import { asPlace, type Place } from './place_value';

/// The wait after the last keystroke before known places are asked for.
export const suggestDelay = 250;
/// Fewer letters than this match too many places to be of help.
export const shortestPrefix = 2;

let countries: { code: string; name: string }[] | null = null;
/// Every country, by its name in the UI language, in that language's alphabetical order.
function countryOptions(): { code: string; name: string }[] {
  if (!countries) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([dataLanguage], { type: 'region' });
    } catch {
      // No region names in this browser: the codes are shown.
    }
    const collator = new Intl.Collator(dataLanguage);
    countries = countryCodes()
      .map((code) => ({ code, name: names?.of(code) ?? code }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }
  return countries;
}

export function PlaceInputs({ id, value, describedBy, required, onChange }: {
  id: string;
  value: unknown;
  describedBy?: string;
  required?: boolean;
  onChange: (place: Place) => void;
}) {
  const place = asPlace(value);
  const [suggestions, setSuggestions] = useState<KnownPlace[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<number | undefined>(undefined);
  // Only the answer to the latest request is shown: an older one may arrive after it.
  const asked = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);

  const listId = `${id}-places`;
  const optionId = (index: number) => `${id}-place-${index}`;
  const set = (update: Partial<Place>) => onChange({ ...place, ...update });

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function suggest(prefix: string, country: string) {
    clearTimeout(timer.current);
    const request = ++asked.current;
    if (!navigator.onLine || prefix.trim().length < shortestPrefix) {
      setSuggestions([]);
      close();
      return;
    }
    timer.current = setTimeout(() => {
      knownPlaces(prefix.trim(), country).then(
        (found) => {
          if (request !== asked.current) return;
          setSuggestions(found);
          setOpen(found.length > 0);
          setActive(-1);
        },
        // No suggestions (offline, or a server without a gazetteer): typing goes on as before.
        () => undefined,
      );
    }, suggestDelay) as unknown as number;
  }

  function choose(known: KnownPlace) {
    asked.current++;
    clearTimeout(timer.current);
    set({ name: known.name, country: known.country.toUpperCase() });
    setSuggestions([]);
    close();
  }

  function onKeyDown(event: KeyboardEvent) {
    const count = suggestions.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!count) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current < 0 && step < 0 ? count - 1 : (current + step + count) % count));
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      choose(suggestions[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  }

  const options = countryOptions();
  const unlisted = place.country && !options.some((option) => option.code === place.country);
  return (
    <div class="place">
      <div class="place-name">
        <label for={id}>{t('app-place-name')}</label>
        <input
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          autoComplete="off"
          value={place.name}
          data-user-content
          onInput={(event) => {
            const name = event.currentTarget.value;
            set({ name });
            suggest(name, place.country);
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        <ul id={listId} role="listbox" aria-label={t('app-place-suggestions')} class="place-suggestions" hidden={!open}>
          {suggestions.map((known, index) => (
            <li
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              class={index === active ? 'active' : undefined}
              data-country={known.country}
              // The field keeps the focus: a click chooses without closing the list first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(known)}
            >
              <span data-user-content>{known.name}</span>{' '}
              <span class="muted" data-user-content>
                {options.find((option) => option.code === known.country.toUpperCase())?.name ?? known.country}
              </span>
            </li>
          ))}
        </ul>
        <span class="visually-hidden" role="status">
          {open ? t('app-place-suggested', { count: suggestions.length }) : ''}
        </span>
      </div>
      <div class="place-country">
        <label for={`${id}-country`}>{t('app-place-country')}</label>
        <select id={`${id}-country`} value={place.country} onChange={(event) => set({ country: event.currentTarget.value })}>
          <option value="">{t('app-form-choose')}</option>
          {unlisted ? <option value={place.country}>{place.country}</option> : null}
          {options.map((option) => (
            <option value={option.code} data-user-content>
              {option.name}
            </option>
          ))}
        </select>
      </div>
      <label class="place-text">
        {t('app-place-text')}
        <input id={`${id}-text`} value={place.text} data-user-content onInput={(event) => set({ text: event.currentTarget.value })} />
      </label>
    </div>
  );
}
