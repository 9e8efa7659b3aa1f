import { ROOT_TYPES, type RootTypeName } from '../schema/rootTypes.ts';

/** Who a person is on the desk. One role per account. */
export const ROLES = {
  editor: 'editor',
  legal: 'legal',
  chief: 'chief',
  admin: 'admin',
} as const;
export type Role = (typeof ROLES)[keyof typeof ROLES];
export const ROLE_NAMES = Object.values(ROLES) as [Role, ...Role[]];

/** What a role may do. The server checks every request and update against these; the UI follows them. */
export const ACTIONS = {
  readDrafts: 'drafts.read',
  /** Create blank drafts and import copy. */
  createDrafts: 'drafts.create',
  renameDrafts: 'drafts.rename',
  editCopy: 'copy.edit',
  flag: 'flags.create',
  comment: 'comments.create',
  resolveLegalFlags: 'flags.resolve-legal',
  signOff: 'signoffs.create',
  manageAccounts: 'accounts.manage',
} as const;
export type Action = (typeof ACTIONS)[keyof typeof ACTIONS];

interface RolePermissions {
  actions: readonly Action[];
  /** Root types a client in this role may write itself; all others are written by the server alone. */
  writableRootTypes: readonly RootTypeName[];
}

const EDITOR_ACTIONS: readonly Action[] = [
  ACTIONS.readDrafts,
  ACTIONS.createDrafts,
  ACTIONS.renameDrafts,
  ACTIONS.editCopy,
  ACTIONS.flag,
  ACTIONS.comment,
];

/** The one role -> permissions table. */
export const PERMISSIONS: Readonly<Record<Role, RolePermissions>> = {
  editor: { actions: EDITOR_ACTIONS, writableRootTypes: [ROOT_TYPES.body] },
  legal: {
    actions: [ACTIONS.readDrafts, ACTIONS.flag, ACTIONS.comment, ACTIONS.resolveLegalFlags],
    writableRootTypes: [],
  },
  chief: {
    actions: [...EDITOR_ACTIONS, ACTIONS.resolveLegalFlags, ACTIONS.signOff],
    writableRootTypes: [ROOT_TYPES.body],
  },
  admin: { actions: [ACTIONS.readDrafts, ACTIONS.manageAccounts], writableRootTypes: [] },
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].actions.includes(action);
}

export function canWriteRootType(role: Role, rootType: string): boolean {
  return (PERMISSIONS[role].writableRootTypes as readonly string[]).includes(rootType);
}
