// A story's fields shown by their template type. Everything here is the writer's text: it is marked
// data-user-content, which the pseudo-locale test skips (it is not the UI's to translate).
import type { ComponentChildren } from 'preact';
import { countryName } from '../i18n';
import { isEmpty } from './empty';

export { isEmpty };

type Json = Record<string, unknown>;

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asObject = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});

/// CommonMark emphasis (*em*, **strong**) as elements; any other markup stays as typed. No HTML is interpreted.
function inline(text: string): ComponentChildren[] {
  const parts: ComponentChildren[] = [];
  const pattern = /\*\*([^*]+)\*\*|\*([^*]+)\*|_([^_]+)_/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    parts.push(text.slice(last, match.index));
    parts.push(match[1] !== undefined ? <strong>{match[1]}</strong> : <em>{match[2] ?? match[3]}</em>);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

function RichText({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((paragraph) => paragraph.trim())
        .map((paragraph) =>
          /^\s*[-*] /.test(paragraph) ? (
            <ul>
              {paragraph.split(/\n/).map((item) => (
                <li>{inline(item.replace(/^\s*[-*] /, ''))}</li>
              ))}
            </ul>
          ) : (
            <p>{inline(paragraph)}</p>
          ),
        )}
    </>
  );
}

export function FieldValue({ type, value, storyId }: { type: string; value: unknown; storyId: number }) {
  switch (type) {
    case 'person': {
      const person = asObject(value);
      return (
        <p>
          {asText(person.name)}
          {person.function ? <span class="muted">, {asText(person.function)}</span> : null}
        </p>
      );
    }
    case 'contact': {
      const contact = asObject(value);
      const entries = [...asList(contact.phones), ...asList(contact.emails)].map(asText);
      return <p>{entries.join(' · ')}</p>;
    }
    case 'place': {
      const place = asObject(value);
      const [name, country, text] = [asText(place.name), asText(place.country), asText(place.text)];
      return (
        <p>
          {name || text}
          {country ? ` (${countryName(country)})` : ''}
          {name && text && text !== name ? ` — ${text}` : ''}
        </p>
      );
    }
    case 'rich_text':
      return <RichText text={asText(value)} />;
    case 'quotes':
      return (
        <>
          {asList(value).map((quote) => {
            const q = asObject(quote);
            return (
              <figure class="quote">
                <blockquote>{inline(asText(q.text))}</blockquote>
                {q.speaker ? (
                  <figcaption>
                    {asText(q.speaker)}
                    {q.role ? `, ${asText(q.role)}` : ''}
                  </figcaption>
                ) : null}
              </figure>
            );
          })}
        </>
      );
    case 'photos':
      return (
        <>
          {asList(value).map((photo) => {
            const p = asObject(photo);
            const attachment = asObject(p.attachment);
            const sha = asText(attachment.sha256);
            return (
              <figure class="photo">
                {sha ? <img src={`/api/v1/stories/${storyId}/photos/${sha}`} alt={asText(p.caption)} loading="lazy" /> : null}
                <figcaption>{asText(p.caption)}</figcaption>
              </figure>
            );
          })}
        </>
      );
    default:
      return <p>{typeof value === 'string' ? value : Array.isArray(value) ? value.map(asText).join(', ') : JSON.stringify(value)}</p>;
  }
}
