// The form's editor for one template field, by its type. Labels and hints come from the template in the UI
// language; the server's problems with the field are shown under it.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Problem, TemplateField } from '../api';
import { dataLanguage, t } from '../i18n';
import { isEmail, isPhone, splitList } from './contact';
import { PlaceInputs } from './place';

type Json = Record<string, unknown>;
const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const asList = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

export const label = (labels: Record<string, string> | undefined): string =>
  labels ? (labels[dataLanguage] ?? labels.fr ?? Object.values(labels)[0] ?? '') : '';

interface EditorProps {
  field: TemplateField;
  value: unknown;
  problems: Problem[];
  onChange: (value: unknown) => void;
}

/// The label (or legend), hint and problems around an editor; ids tie them to the inputs for screen readers.
function Frame({ field, problems, group, children }: { field: TemplateField; problems: Problem[]; group: boolean; children: ComponentChildren }) {
  const hint = label(field.hint);
  // The * of a required field is drawn by the style sheet (.required::after); inputs say aria-required.
  const caption = (
    <span class={field.presence === 'required' ? 'required' : undefined} data-user-content>
      {label(field.label)}
    </span>
  );
  const notes = (
    <>
      {hint ? (
        <p class="hint" id={`hint-${field.key}`} data-user-content>
          {hint}
        </p>
      ) : null}
      {problems.map((problem) => (
        <p class={`problem-${problem.severity}`} data-user-content>
          {problem.message}
        </p>
      ))}
    </>
  );
  return group ? (
    <fieldset class="form-field" id={`field-${field.key}`}>
      <legend>{caption}</legend>
      {notes}
      {children}
    </fieldset>
  ) : (
    <div class="form-field" id={`field-${field.key}`}>
      <label for={`input-${field.key}`}>{caption}</label>
      {notes}
      {children}
    </div>
  );
}

function described(field: TemplateField) {
  return {
    id: `input-${field.key}`,
    name: field.key,
    'aria-describedby': field.hint && label(field.hint) ? `hint-${field.key}` : undefined,
    'aria-required': field.presence === 'required' ? true : undefined,
    'data-user-content': true,
  };
}

/// A list typed as text ("+223 70 00 00 00, +223 …"), checked item by item as it is typed.
function ListInput({ id, name, type, values, check, problem, onChange }: {
  id: string;
  name: string;
  type: 'tel' | 'email';
  values: string[];
  check: (item: string) => boolean;
  problem: string;
  onChange: (values: string[]) => void;
}) {
  const [text, setText] = useState(values.join(', '));
  const wrong = splitList(text).filter((item) => !check(item));
  return (
    <label>
      {name}
      <input
        id={id}
        type={type === 'tel' ? 'tel' : 'text'}
        inputMode={type}
        autoComplete="off"
        value={text}
        aria-invalid={wrong.length ? true : undefined}
        aria-describedby={wrong.length ? `${id}-problem` : undefined}
        data-user-content
        onInput={(event) => {
          setText(event.currentTarget.value);
          onChange(splitList(event.currentTarget.value));
        }}
      />
      {wrong.length ? (
        <span class="problem-error field-check" id={`${id}-problem`} role="alert">
          {problem} <span data-user-content>{wrong.join(', ')}</span>
        </span>
      ) : null}
    </label>
  );
}

/// Add, remove, reorder: the buttons each item of a list editor has.
export function ItemButtons({ index, count, name, move, remove }: {
  index: number;
  count: number;
  name: string;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
}) {
  return (
    <div class="buttons item-buttons">
      <button type="button" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('app-form-move-up-named', { name })}>
        {t('app-form-move-up')}
      </button>
      <button type="button" disabled={index === count - 1} onClick={() => move(index, index + 1)} aria-label={t('app-form-move-down-named', { name })}>
        {t('app-form-move-down')}
      </button>
      <button type="button" onClick={() => remove(index)} aria-label={t('app-form-remove-named', { name })}>
        {t('app-form-remove')}
      </button>
    </div>
  );
}

export function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

function QuotesEditor({ value, onChange }: { value: unknown; onChange: (value: unknown) => void }) {
  const quotes = asList(value);
  const set = (index: number, key: string, item: unknown) =>
    onChange(quotes.map((quote, i) => (i === index ? { ...quote, [key]: item } : quote)));
  return (
    <>
      <ol class="items">
        {quotes.map((quote, index) => {
          const name = t('app-form-quote-number', { number: index + 1 });
          const id = `quote-${index}`;
          return (
            <li class="item" aria-label={name}>
              <label>
                {t('app-form-quote-text')}
                <textarea id={`${id}-text`} rows={3} value={asText(quote.text)} data-user-content onInput={(event) => set(index, 'text', event.currentTarget.value)} />
              </label>
              <label>
                {t('app-form-quote-speaker')}
                <input id={`${id}-speaker`} value={asText(quote.speaker)} data-user-content onInput={(event) => set(index, 'speaker', event.currentTarget.value)} />
              </label>
              <label>
                {t('app-form-quote-role')}
                <input id={`${id}-role`} value={asText(quote.role)} data-user-content onInput={(event) => set(index, 'role', event.currentTarget.value)} />
              </label>
              <label class="check">
                <input type="checkbox" checked={quote.consent === true} onChange={(event) => set(index, 'consent', event.currentTarget.checked)} />
                {t('app-form-quote-consent')}
              </label>
              <ItemButtons
                index={index}
                count={quotes.length}
                name={name}
                move={(from, to) => onChange(moved(quotes, from, to))}
                remove={(at) => onChange(quotes.filter((_, i) => i !== at))}
              />
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...quotes, { text: '', speaker: '', role: '' }])}>
        {t('app-form-quote-add')}
      </button>
    </>
  );
}

export function FieldEditor({ field, value, problems, onChange }: EditorProps) {
  const props = described(field);
  switch (field.type) {
    case 'rich_text':
      return (
        <Frame field={field} problems={problems} group={false}>
          <textarea {...props} rows={6} value={asText(value)} onInput={(event) => onChange(event.currentTarget.value)} />
        </Frame>
      );
    case 'choice':
      return (
        <Frame field={field} problems={problems} group={false}>
          <select {...props} value={asText(value)} onChange={(event) => onChange(event.currentTarget.value)}>
            <option value="">{t('app-form-choose')}</option>
            {(field.choices ?? []).map((choice) => (
              <option value={choice.key} data-user-content>
                {label(choice.label)}
              </option>
            ))}
          </select>
        </Frame>
      );
    case 'person': {
      const person = asObject(value);
      return (
        <Frame field={field} problems={problems} group={true}>
          <div class="pair">
            <label>
              {t('app-form-person-name')}
              <input {...props} autoComplete="name" value={asText(person.name)} onInput={(event) => onChange({ ...person, name: event.currentTarget.value })} />
            </label>
            <label>
              {t('app-form-person-function')}
              <input id={`input-${field.key}-function`} data-user-content value={asText(person.function)} onInput={(event) => onChange({ ...person, function: event.currentTarget.value })} />
            </label>
          </div>
        </Frame>
      );
    }
    case 'contact': {
      const contact = asObject(value);
      const phones = (contact.phones as string[]) ?? [];
      const emails = (contact.emails as string[]) ?? [];
      return (
        <Frame field={field} problems={problems} group={true}>
          <div class="pair">
            <ListInput id={`input-${field.key}`} name={t('app-form-phones')} type="tel" values={phones} check={isPhone} problem={t('app-form-phone-wrong')} onChange={(list) => onChange({ phones: list, emails })} />
            <ListInput id={`input-${field.key}-emails`} name={t('app-form-emails')} type="email" values={emails} check={isEmail} problem={t('app-form-email-wrong')} onChange={(list) => onChange({ phones, emails: list })} />
          </div>
        </Frame>
      );
    }
    case 'place':
      return (
        <Frame field={field} problems={problems} group={true}>
          <PlaceInputs
            id={props.id}
            value={value}
            describedBy={props['aria-describedby']}
            required={field.presence === 'required'}
            onChange={onChange}
          />
        </Frame>
      );
    case 'quotes':
      return (
        <Frame field={field} problems={problems} group={true}>
          <QuotesEditor value={value} onChange={onChange} />
        </Frame>
      );
    case 'date':
      return (
        <Frame field={field} problems={problems} group={false}>
          <input {...props} inputMode="numeric" placeholder={t('app-form-date-placeholder')} value={asText(value)} onInput={(event) => onChange(event.currentTarget.value)} />
        </Frame>
      );
    default:
      return (
        <Frame field={field} problems={problems} group={false}>
          <input {...props} value={asText(value)} onInput={(event) => onChange(event.currentTarget.value)} />
        </Frame>
      );
  }
}

export { Frame };
