import { canComment, canEditComment } from '../../shared/annotations/rules.ts';
import type { Comment, Flag } from '../../shared/annotations/types.ts';
import type { Principal } from '../auth/principal.ts';
import { conflict, forbidden, notFound } from '../appError.ts';
import { personOf, type AnnotationDeps } from './annotationDeps.ts';
import { changeFlag, type FlagChangeScope } from './flagChange.ts';
import { appendComment, replaceComment } from './flagWrites.ts';
import { newAnnotationId } from './newId.ts';
import { notifyMentions } from './notifyInbox.ts';

interface CommentInput {
  draftId: string;
  flagId: string;
  principal: Principal;
}

/** Replies in a flag's thread. 403 for a role that may not comment; 404 for an unknown draft or flag. */
export async function addComment(deps: AnnotationDeps, input: CommentInput & { text: string }): Promise<Flag> {
  const { principal } = input;
  if (!canComment(principal.role)) throw forbidden(`the ${principal.role} role may not comment`);
  const by = personOf(principal);
  const { flag } = await changeFlag(deps, input, ({ map, now }) => {
    const comment: Comment = { id: newAnnotationId(), author: by, text: input.text, createdAt: now, history: [], deleted: false };
    appendComment(map, comment);
    return { action: 'commented', detail: { commentId: comment.id } };
  });
  await notifyMentions(deps, { draftId: input.draftId, flagId: flag.id, by, text: input.text });
  return flag;
}

/**
 * Edits one's own comment; the text it replaces goes to its history with the
 * time of this edit. 403 for someone else's comment, 404 for an unknown one,
 * 409 for a deleted one. Newly @mentioned people are notified.
 */
export async function editComment(
  deps: AnnotationDeps,
  input: CommentInput & { commentId: string; text: string },
): Promise<Flag> {
  const by = personOf(input.principal);
  const { flag, outcome } = await changeFlag(deps, input, (scope) => {
    const { index, comment } = ownComment(scope, input.principal, input.commentId);
    if (comment.deleted) throw conflict('this comment was deleted; it cannot be edited');
    if (comment.text === input.text) return null;
    replaceComment(scope.map, index, {
      ...comment,
      text: input.text,
      history: [...comment.history, { text: comment.text, editedAt: scope.now }],
    });
    return { action: 'comment-edited', detail: { commentId: comment.id } };
  });
  if (outcome) await notifyMentions(deps, { draftId: input.draftId, flagId: flag.id, by, text: input.text });
  return flag;
}

/**
 * Deletes one's own comment: it keeps its place in the thread, with its
 * text and earlier versions removed. 403 for someone else's, 404 for an
 * unknown one; deleting a deleted comment changes nothing.
 */
export async function deleteComment(deps: AnnotationDeps, input: CommentInput & { commentId: string }): Promise<Flag> {
  const { flag } = await changeFlag(deps, input, (scope) => {
    const { index, comment } = ownComment(scope, input.principal, input.commentId);
    if (comment.deleted) return null;
    replaceComment(scope.map, index, { ...comment, text: '', history: [], deleted: true });
    return { action: 'comment-deleted', detail: { commentId: comment.id } };
  });
  return flag;
}

function ownComment(scope: FlagChangeScope, principal: Principal, commentId: string): { index: number; comment: Comment } {
  if (!canComment(principal.role)) throw forbidden(`the ${principal.role} role may not comment`);
  const index = scope.flag.comments.findIndex((c) => c.id === commentId);
  const comment = scope.flag.comments[index];
  if (!comment) throw notFound(`no comment with id ${JSON.stringify(commentId.slice(0, 80))} on this flag`);
  if (!canEditComment(principal.accountId, comment.author.id)) {
    throw forbidden('only its author may edit or delete a comment');
  }
  return { index, comment };
}
