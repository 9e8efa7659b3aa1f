import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * A client that speaks only the sync handshake of each server's protocol and
 * keeps no document: the load generator's cheap stand-in for a reader, so the
 * generator's own Yjs work does not become the limit being measured.
 */

const SYNC = 0;
const STEP1 = 0;
const STEP2 = 1;

/** Sync step 1 with an empty state vector: "I hold nothing". */
const step1Frame = (() => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SYNC);
  encoding.writeVarUint(encoder, STEP1);
  encoding.writeVarUint8Array(encoder, new Uint8Array([0]));
  return encoding.toUint8Array(encoder);
})();

const decoderOf = (data: Buffer) => decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));

function isStep2(data: Buffer): boolean {
  const decoder = decoderOf(data);
  return decoding.readVarUint(decoder) === SYNC && decoding.readVarUint(decoder) === STEP2;
}

/**
 * Hocuspocus's protocol prefixes every message with the document's name and
 * wants an auth message (an empty token: the bench server has no auth hook)
 * before it syncs. Its answer to sync step 1 is a sync step 2 as usual.
 */
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_TOKEN = 0;
function hocuspocusOpening(documentName: string): Uint8Array[] {
  const auth = encoding.createEncoder();
  encoding.writeVarString(auth, documentName);
  encoding.writeVarUint(auth, HOCUSPOCUS_AUTH);
  encoding.writeVarUint(auth, HOCUSPOCUS_TOKEN);
  encoding.writeVarString(auth, '');
  const sync = encoding.createEncoder();
  encoding.writeVarString(sync, documentName);
  encoding.writeVarUint(sync, SYNC);
  encoding.writeVarUint(sync, STEP1);
  encoding.writeVarUint8Array(sync, new Uint8Array([0]));
  return [encoding.toUint8Array(auth), encoding.toUint8Array(sync)];
}

function isHocuspocusStep2(data: Buffer): boolean {
  const decoder = decoderOf(data);
  decoding.readVarString(decoder);
  return decoding.readVarUint(decoder) === SYNC && decoding.readVarUint(decoder) === STEP2;
}

/** Where one connection goes, what it sends first and how it knows it is synced. */
export interface RawTarget {
  url: string;
  opening: Uint8Array[];
  isSynced: (data: Buffer) => boolean;
}

export function rawTarget(server: 'copydesk' | 'reference' | 'hocuspocus', port: number, draftId: string, token: string): RawTarget {
  if (server === 'copydesk') {
    return { url: `ws://127.0.0.1:${port}/collab/${draftId}?token=${encodeURIComponent(token)}`, opening: [step1Frame], isSynced: isStep2 };
  }
  if (server === 'reference') return { url: `ws://127.0.0.1:${port}/${draftId}`, opening: [step1Frame], isSynced: isStep2 };
  return { url: `ws://127.0.0.1:${port}`, opening: hocuspocusOpening(draftId), isSynced: isHocuspocusStep2 };
}

/**
 * Opens one raw connection; resolves with its socket once its sync step 2
 * arrives. Every later message goes to `onMessage`. A socket that fails
 * before that is terminated and the promise rejects.
 */
export function connectRaw({ url, opening, isSynced }: RawTarget, onMessage?: (data: Buffer) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    let synced = false;
    socket.binaryType = 'nodebuffer';
    socket.on('open', () => {
      for (const frame of opening) socket.send(frame);
    });
    socket.on('message', (data: Buffer) => {
      if (synced) {
        onMessage?.(data);
      } else if (isSynced(data)) {
        synced = true;
        resolve(socket);
      }
    });
    const fail = (error: Error) => {
      if (synced) return;
      socket.terminate();
      reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error(`closed before sync: ${url}`)));
  });
}
