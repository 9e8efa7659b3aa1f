import { can, ROLE_NAMES, type Action, type Role } from '../../shared/permissions/permissions.ts';

const ROLE_LABELS: Readonly<Record<Role, string>> = {
  editor: 'Editor',
  legal: 'Legal',
  chief: 'Chief editor',
  admin: 'Admin',
};

/** The people in a role, in a sentence ("editors", "legal reviewers"). */
const ROLE_PEOPLE: Readonly<Record<Role, string>> = {
  editor: 'editors',
  legal: 'legal reviewers',
  chief: 'chief editors',
  admin: 'admins',
};

/** What a role is called on screen ("Legal", "Chief editor"). */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/**
 * The label of a role read from someone else's awareness state, which any
 * client can write: null for anything that is not a known role.
 */
export function findRoleLabel(role: unknown): string | null {
  return typeof role === 'string' && (ROLE_NAMES as readonly string[]).includes(role) ? ROLE_LABELS[role as Role] : null;
}

/** "editors and chief editors": who may do `action`, for explaining to someone why they may not. */
export function rolesThatCan(action: Action): string {
  const people = ROLE_NAMES.filter((role) => can(role, action)).map((role) => ROLE_PEOPLE[role]);
  if (people.length <= 1) return people[0] ?? 'nobody';
  return `${people.slice(0, -1).join(', ')} and ${people[people.length - 1]}`;
}

