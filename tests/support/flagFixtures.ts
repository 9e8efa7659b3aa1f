import * as Y from 'yjs';
import { encodeAnchor, decodeAnchor } from '../../shared/annotations/anchors.ts';
import type { FlagList, FlagView } from '../../shared/api/annotationAnswers.ts';
import { emptyDraftState } from '../../server/drafts/importDraft.ts';
import { appendParagraph, bodyOf, connectClient, type TestClient } from './collabClient.ts';
import type { TestServer } from './testServer.ts';
import { waitFor } from './waitFor.ts';
import { jsonInit } from './apiHelpers.ts';

export const DRAFT_ID = 'flagged-draft';
export const SENTENCE = 'The mayor took a bribe from the developer, sources say.';

/** A draft whose body ends with a paragraph holding SENTENCE, written by a live editor client. */
export async function seedFlaggableDraft(server: TestServer): Promise<TestClient> {
  await server.store.createDraft({ id: DRAFT_ID, title: 'Council story', state: emptyDraftState() });
  const writer = connectClient(server.collabUrl, DRAFT_ID, { token: await server.tokenFor('editor') });
  await writer.waitSynced();
  appendParagraph(writer.doc, SENTENCE);
  await waitFor(async () => (await server.store.countPendingUpdates(DRAFT_ID)) > 0, 'the paragraph to be stored');
  return writer;
}

/** The Y.XmlText of the last body paragraph. */
export function lastParagraphText(doc: Y.Doc): Y.XmlText {
  const body = bodyOf(doc);
  const paragraph = body.get(body.length - 1) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** Anchors around `words` in the last paragraph: start sticks to its first character, end to its last. */
export function anchorsAround(doc: Y.Doc, words: string): { start: string; end: string } {
  const text = lastParagraphText(doc);
  const index = text.toString().indexOf(words);
  if (index < 0) throw new Error(`"${words}" is not in the paragraph`);
  return {
    start: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, index)),
    end: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, index + words.length, -1)),
  };
}

/** The text a flag covers in a client's document (anchors in one text), or null when they do not resolve. */
export function flaggedTextIn(doc: Y.Doc, flag: { start: string; end: string }): string | null {
  const start = Y.createAbsolutePositionFromRelativePosition(decodeAnchor(flag.start)!, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(decodeAnchor(flag.end)!, doc);
  if (!start || !end || start.type !== end.type) return null;
  return (start.type as Y.XmlText).toString().slice(start.index, end.index);
}

export async function call(
  server: TestServer,
  user: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  const auth = await server.authHeaders(user);
  const init = body === undefined ? { method, headers: auth } : jsonInit(method, body, auth);
  return fetch(`${server.url}${path}`, init);
}

export const flagsPath = (suffix = '') => `/api/docs/${DRAFT_ID}/annotations${suffix}`;

export async function flagsOf(server: TestServer, user = 'editor'): Promise<FlagView[]> {
  const res = await call(server, user, 'GET', flagsPath());
  if (res.status !== 200) throw new Error(`listing flags: ${res.status} ${await res.text()}`);
  return ((await res.json()) as FlagList).flags;
}

/** Creates a flag through REST and resolves to it; throws unless 201. */
export async function createFlag(
  server: TestServer,
  user: string,
  body: { kind: string; start: string; end: string; comment: string },
): Promise<FlagView> {
  const res = await call(server, user, 'POST', flagsPath(), body);
  if (res.status !== 201) throw new Error(`creating a flag: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { flag: FlagView }).flag;
}

/**
 * Flags words of draft `draftId`'s last paragraph through REST, one after
 * another, each as its `by`, anchored from a client's copy of the draft; throws
 * unless each is created.
 */
export async function flagLastParagraph(
  server: TestServer,
  draftId: string,
  flags: ReadonlyArray<{ quote: string; kind: string; by: string }>,
): Promise<void> {
  const client = connectClient(server.collabUrl, draftId, { token: await server.tokenFor('editor') });
  try {
    await client.waitSynced();
    for (const { quote, kind, by } of flags) {
      const res = await fetch(
        `${server.url}/api/docs/${draftId}/annotations`,
        jsonInit('POST', { kind, ...anchorsAround(client.doc, quote), comment: `About “${quote}”.` }, await server.authHeaders(by)),
      );
      if (res.status !== 201) throw new Error(`flagging “${quote}”: ${res.status} ${await res.text()}`);
    }
  } finally {
    client.destroy();
  }
}
