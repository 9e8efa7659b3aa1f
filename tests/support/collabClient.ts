import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ROOT_TYPES } from '../../shared/schema/rootTypes.ts';
import { waitFor } from './waitFor.ts';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the provider saw, oldest first. */
  closes: Array<{ code: number; reason: string }>;
  waitSynced: () => Promise<void>;
  destroy: () => void;
}

export interface ClientOptions {
  /** An API token, sent as `?token=` (the server refuses anonymous sockets). */
  token?: string;
  /** Published in awareness under `user`; the server checks it against the token's account. */
  user?: { id: string; name: string; color?: string; role?: string };
  doc?: Y.Doc;
  params?: Record<string, string>;
}

/** A stock y-websocket client in Node, as any script or bot would use it. */
export function connectClient(collabUrl: string, draftId: string, options: ClientOptions = {}): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(collabUrl, draftId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
    params: { ...(options.token ? { token: options.token } : {}), ...options.params },
  });
  if (options.user) provider.awareness.setLocalStateField('user', { color: '#1f6feb', ...options.user });
  const closes: TestClient['closes'] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    waitSynced: async () => {
      await waitFor(() => provider.synced, `client of ${draftId} to sync`);
    },
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The copy's root type. */
export const bodyOf = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(ROOT_TYPES.body);

/** Appends a body paragraph holding `text`, as the editor would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  bodyOf(doc).push([paragraph]);
}

/**
 * The update a paragraph appended under `clientId`'s next clock makes, by
 * someone holding the whole of `draft`: what a client of another account
 * would send to write under that id (CS21).
 */
export function paragraphUnderClientId(draft: Y.Doc, clientId: number, text: string): Uint8Array {
  const forger = new Y.Doc();
  Y.applyUpdate(forger, Y.encodeStateAsUpdate(draft));
  forger.clientID = clientId;
  const before = Y.encodeStateVector(forger);
  appendParagraph(forger, text);
  const update = Y.encodeStateAsUpdate(forger, before);
  forger.destroy();
  return update;
}

/** Types `text` at the end of the last paragraph, one transaction per character. */
export function typeInto(doc: Y.Doc, text: string): void {
  const body = bodyOf(doc);
  let last = body.get(body.length - 1);
  if (!(last instanceof Y.XmlElement)) {
    appendParagraph(doc, '');
    last = body.get(body.length - 1) as Y.XmlElement;
  }
  const paragraph = last as Y.XmlElement;
  let xmlText = paragraph.get(0);
  if (!(xmlText instanceof Y.XmlText)) {
    xmlText = new Y.XmlText();
    paragraph.insert(0, [xmlText]);
  }
  for (const ch of text) (xmlText as Y.XmlText).insert((xmlText as Y.XmlText).length, ch);
}

/** The whole copy as a string, for comparing documents. */
export const bodyString = (doc: Y.Doc): string => bodyOf(doc).toString();

export interface RawSocket {
  socket: WebSocket;
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  /** Frames received so far. */
  received: Uint8Array[];
}

/** A bare WebSocket for sending hand-made frames. */
export function openRawSocket(url: string): RawSocket {
  const socket = new WebSocket(url);
  const received: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  return { socket, opened, closed, received };
}
