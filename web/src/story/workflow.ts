// Which workflow buttons to offer: the moves docs/authorization.md gives each role from each state. The server
// decides (403 otherwise); this only keeps the page from offering what would be refused.
import type { Role, Status } from '../api';

export interface Move {
  to: Status;
  /// The label key of the button.
  action: string;
  reasonRequired: boolean;
}

const submit: Move = { to: 'submitted', action: 'app-action-submit', reasonRequired: false };
const approve: Move = { to: 'approved', action: 'app-action-approve', reasonRequired: false };
const askChanges: Move = { to: 'changes_requested', action: 'app-action-request-changes', reasonRequired: true };
const publish: Move = { to: 'published', action: 'app-action-publish', reasonRequired: false };
const withdraw: Move = { to: 'approved', action: 'app-action-withdraw', reasonRequired: true };
const archive: Move = { to: 'archived', action: 'app-action-archive', reasonRequired: true };

const movesByRole: Record<Role, Partial<Record<Status, Move[]>>> = {
  contributor: { draft: [submit], changes_requested: [submit] },
  reviewer: { submitted: [approve, askChanges] },
  coordinator: {
    draft: [submit, archive],
    changes_requested: [submit, archive],
    submitted: [approve, askChanges, archive],
    approved: [publish, archive],
    published: [withdraw],
  },
  viewer: {},
};

export function movesFor(roles: Role[], status: Status): Move[] {
  const moves: Move[] = [];
  for (const role of roles) {
    for (const move of movesByRole[role][status] ?? []) {
      if (!moves.some((known) => known.action === move.action)) {
        moves.push(move);
      }
    }
  }
  return moves;
}
