// A template's labels (sections, fields, tags) in the UI language, French when the template lacks it.
import type { Localised } from '../api';
import { dataLanguage } from '../i18n';

export const templateLabel = (labels: Localised): string =>
  labels[dataLanguage] ?? labels.fr ?? Object.values(labels)[0] ?? '';

export interface TagDefinition {
  key: string;
  label: Localised;
}

/// The tag vocabulary of a template (its "tags"), empty when it has none.
export const tagVocabulary = (template: object): TagDefinition[] =>
  ((template as { tags?: TagDefinition[] }).tags ?? []).filter((tag) => tag && typeof tag.key === 'string');
