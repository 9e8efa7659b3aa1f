/**
 * Every action the activity log records. The server logs only these; the
 * panel and anything else reading the log can name each one in words, and the
 * compiler says when an action has no words yet.
 */
export const FLAG_ACTIONS = {
  created: 'created',
  commented: 'commented',
  commentEdited: 'comment-edited',
  commentDeleted: 'comment-deleted',
  resolved: 'resolved',
  reopened: 'reopened',
  fields: 'fields',
  assigned: 'assigned',
  changedAfterClearance: 'changed-after-clearance',
} as const;
export type FlagAction = (typeof FLAG_ACTIONS)[keyof typeof FLAG_ACTIONS];

/** Desk actions: on the draft, not on one flag (the entry's flagId is null). */
export const DESK_ACTIONS = {
  versionSaved: 'version-saved',
  checkpointSaved: 'checkpoint-saved',
  versionRestored: 'version-restored',
  signedOff: 'signed-off',
  /** Logged beside `signed-off` when the sign-off went over open legal-risk flags; names them. */
  signoffOverride: 'signoff-override',
  locked: 'locked',
  unlocked: 'unlocked',
  stateChanged: 'state-changed',
} as const;
export type DeskAction = (typeof DESK_ACTIONS)[keyof typeof DESK_ACTIONS];
