// Story templates for the form: from the server when it answers, else the copies kept in IndexedDB the last time
// (so that a new story can be written, and a draft opened, with no network).
import { api, request, type Template } from '../api';
import { db } from './db';

/// Templates fetched during this visit: the form opened just after the choice needs no second request.
const fetched = new Map<string, Template>();

async function keep(template: Template): Promise<void> {
  fetched.set(template.id, template);
  await db.put('templates', template.id, template);
}

/// The template from the server, else the copy kept from the last time (offline).
export async function loadTemplate(id: string): Promise<Template> {
  const known = fetched.get(id);
  if (known) return known;
  try {
    const template = await api.template(id);
    await keep(template);
    return template;
  } catch (error) {
    const kept = await db.get<Template>('templates', id);
    if (kept) return kept;
    throw error;
  }
}

/// Every template a new story may use: the server's list (each kept for offline use), else those kept on this
/// device. `offline` says which.
export async function templateChoices(): Promise<{ templates: Template[]; offline: boolean }> {
  try {
    const { templates } = await request<{ templates: Template[] }>('GET', '/templates');
    await Promise.all(templates.map(keep));
    return { templates, offline: false };
  } catch (error) {
    const kept = await db.all<Template>('templates').catch(() => []);
    if (kept.length) return { templates: kept.sort((a, b) => a.id.localeCompare(b.id)), offline: true };
    throw error;
  }
}
