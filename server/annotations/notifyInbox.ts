import type { PersonRef } from '../../shared/annotations/types.ts';
import type { NewInboxItem } from '../storage/InboxStore.ts';
import type { AnnotationDeps } from './annotationDeps.ts';
import { newAnnotationId } from './newId.ts';

/** At most this many distinct @mentions of one comment reach an inbox. */
export const MAX_MENTIONS_PER_COMMENT = 20;
const EXCERPT_CHARS = 200;

const MENTION = /(?:^|[^\w@.])@([a-z0-9._-]{2,32})/gi;

/** The distinct usernames @mentioned in a comment, lower-case, in order of first mention. */
export function findMentions(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    // A trailing full stop ends the sentence, not the username.
    const name = match[1]!.toLowerCase().replace(/\.+$/, '');
    if (name.length >= 2) names.add(name);
    if (names.size >= MAX_MENTIONS_PER_COMMENT) break;
  }
  return [...names];
}

export const excerptOf = (text: string): string =>
  text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;

interface Mentioning {
  draftId: string;
  flagId: string;
  by: PersonRef;
  text: string;
}

/**
 * Puts an item in the inbox of every enabled account @mentioned in `text`,
 * except the author's own. Names that match no account are plain text.
 */
export async function notifyMentions(deps: AnnotationDeps, mention: Mentioning): Promise<void> {
  const items: NewInboxItem[] = [];
  for (const username of findMentions(mention.text)) {
    const account = await deps.accounts.findAccountByUsername(username);
    if (!account || account.disabled || account.id === mention.by.id) continue;
    items.push(itemFor(deps, account.id, 'mention', mention));
  }
  await deps.inbox.addInboxItems(items);
}

/** Puts the assignment in the assignee's inbox, unless they assigned it to themselves. */
export async function notifyAssignment(
  deps: AnnotationDeps,
  assignment: Mentioning & { assigneeId: string },
): Promise<void> {
  if (assignment.assigneeId === assignment.by.id) return;
  await deps.inbox.addInboxItems([itemFor(deps, assignment.assigneeId, 'assignment', assignment)]);
}

function itemFor(deps: AnnotationDeps, accountId: string, kind: NewInboxItem['kind'], source: Mentioning): NewInboxItem {
  return {
    id: newAnnotationId(),
    accountId,
    draftId: source.draftId,
    flagId: source.flagId,
    kind,
    byId: source.by.id,
    byName: source.by.name,
    at: deps.now(),
    excerpt: excerptOf(source.text),
  };
}
