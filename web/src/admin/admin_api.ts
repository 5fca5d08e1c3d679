// The administration API (coordinators, signed in): organisations, users and roles, invitations, templates,
// webhooks and the audit log.
import { request, type Role, type Template } from '../api';

export type OrganisationKind = 'lead' | 'member' | 'partner';
export interface Organisation {
  id: number;
  name: string;
  kind: OrganisationKind | '';
  works_with: string[];
}
export interface User {
  id: number;
  email: string;
  display_name: string;
  created_at: string;
  disabled: boolean;
  memberships: { organisation_id: number; organisation: string; kind: string; role: Role }[];
}
export interface Invitation {
  id: number;
  email: string;
  organisation: string;
  role: Role;
  created_at: string;
  expires_at: string;
}
export interface NewInvitation extends Invitation {
  token: string;
  link: string;
}
export interface Webhook {
  id: number;
  url: string;
  events: string[];
  active: boolean;
  created_by: string;
  created_at: string;
  disabled_at: string | null;
}
export interface Delivery {
  id: number;
  event: string;
  state: string;
  attempts: number;
  created_at: string;
  last_status: number;
  last_error: string | null;
  delivered_at: string | null;
}
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  address: string;
  action: string;
  target_type: string;
  target_id: string;
  detail: Record<string, unknown>;
}

export const adminApi = {
  organisations: () => request<{ organisations: Organisation[] }>('GET', '/organisations'),
  addOrganisation: (name: string, kind: string, works_with: string[]) =>
    request<Organisation>('POST', '/organisations', { name, kind, works_with }),
  users: () => request<{ users: User[] }>('GET', '/users'),
  setRole: (email: string, organisation: string, role: string) =>
    request<unknown>('PUT', '/memberships', { email, organisation, role }),
  invitations: () => request<{ invitations: Invitation[] }>('GET', '/invitations'),
  invite: (email: string, organisation: string, role: string, days: number) =>
    request<NewInvitation>('POST', '/invitations', { email, organisation, role, days }),
  revokeInvitation: (id: number) => request<void>('DELETE', `/invitations/${id}`),
  templates: () => request<{ templates: Template[] }>('GET', '/templates'),
  webhooks: () => request<{ webhooks: Webhook[] }>('GET', '/webhooks'),
  addWebhook: (url: string, events: string[]) =>
    request<{ id: number; secret: string }>('POST', '/webhooks', { url, events }),
  disableWebhook: (id: number) => request<void>('DELETE', `/webhooks/${id}`),
  deliveries: (id: number) => request<{ deliveries: Delivery[] }>('GET', `/webhooks/${id}/deliveries?limit=20`),
  audit: (filters: URLSearchParams) =>
    request<{ entries: AuditEntry[]; next_before: number | null }>('GET', `/audit?${filters.toString()}`),
};

export const kRoles: Role[] = ['contributor', 'reviewer', 'coordinator', 'viewer'];
export const kKinds: OrganisationKind[] = ['lead', 'member', 'partner'];
export const kWebhookEvents = ['story.created', 'story.updated', 'story.transitioned'];
