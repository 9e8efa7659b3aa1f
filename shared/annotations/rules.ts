import { ACTIONS, can, type Role } from '../permissions/permissions.ts';
import { FLAG_KINDS, type FlagKind } from './kinds.ts';

/**
 * The desk's rules for flags, shared by the server (which enforces them) and
 * the UI (which only offers what is allowed).
 */
export function canFlag(role: Role): boolean {
  return can(role, ACTIONS.flag);
}

export function canComment(role: Role): boolean {
  return can(role, ACTIONS.comment);
}

/** Only legal and chiefs resolve or reopen a legal-risk flag; anyone who may flag handles the other kinds. */
export function canResolve(role: Role, kind: FlagKind): boolean {
  return kind === FLAG_KINDS.legalRisk ? can(role, ACTIONS.resolveLegalFlags) : can(role, ACTIONS.flag);
}

/** A comment is edited or deleted by its author alone. */
export function canEditComment(accountId: string, authorId: string): boolean {
  return accountId === authorId;
}

/** Legal's decision and a legal flag's category are legal's (and the chief's) to set. */
export function canSetLegalFields(role: Role): boolean {
  return can(role, ACTIONS.resolveLegalFlags);
}
