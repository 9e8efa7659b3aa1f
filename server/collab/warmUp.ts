import * as Y from 'yjs';
import { ROOT_TYPES } from '../../shared/schema/rootTypes.ts';
import { decodeFrame, encodeSyncStep1, encodeSyncStep2 } from './protocol.ts';
import { createReplicaDoc } from './replicaDoc.ts';

/**
 * Runs the paths a draft's first client takes — decode a stored state into a
 * document, answer a sync step 1 — once on a throwaway draft at boot. V8
 * compiles a function on its first call, so without this the first reader
 * after a restart or deploy pays for compiling Yjs (tens of milliseconds).
 */
export function warmUpSyncPaths(): void {
  const source = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  source.getXmlFragment(ROOT_TYPES.body).push([paragraph]);
  for (let i = 0; i < 20; i++) text.insert(text.length, 'warm ', i % 2 ? { bold: true } : {});
  text.delete(0, 5);
  source.getMap(ROOT_TYPES.annotations).set('warm', new Y.Map());

  const copy = createReplicaDoc({ gc: true });
  copy.transact(() => Y.applyUpdate(copy, Y.encodeStateAsUpdate(source)));
  const stateVector = Y.encodeStateVector(copy);
  for (const frame of [encodeSyncStep1(stateVector), encodeSyncStep2(Y.encodeStateAsUpdate(copy, new Uint8Array([0])))]) {
    const decoded = decodeFrame(frame);
    if (decoded.kind === 'sync-step1') Y.encodeStateAsUpdate(copy, decoded.stateVector);
  }
  source.destroy();
  copy.destroy();
}
