import { Session } from 'node:inspector/promises';
import * as Y from 'yjs';
import { PendingRoots } from '../../server/collab/PendingRoots.ts';
import { advanceKnownClocks, gateUpdate } from '../../server/collab/updateGate.ts';
import { resolveWriteScope } from '../../server/collab/writeScope.ts';

/**
 * The hot path, per update, in this process: one writer's typing updates
 * through each step a room takes with them — the update gate (Yjs's decode
 * included), the write-scope check (with the writes still in flight, as in a
 * burst) and Yjs applying them to the live draft.
 *
 * Allocation is counted by V8's sampling heap profiler with collected
 * objects included: unlike time, it does not move with how busy the machine
 * is, so it shows a change of a few hundred bytes per update that a burst's
 * timing (collector included) hides in its noise. Time is the median pass.
 */
export interface HotPathOptions {
  updates: number;
  /** Timed passes per step; the median is reported. */
  passes: number;
}

export interface HotPathRow {
  step: string;
  bytesPerUpdate: number;
  usPerUpdate: number;
}

/** One typist's updates: each a transaction inserting five characters at the end of a paragraph. */
function typingUpdates(count: number): { base: Uint8Array; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.getXmlFragment('body').push([paragraph]);
  const base = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) text.insert(text.length, 'abcde');
  return { base, updates };
}

function draftFrom(base: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  return doc;
}

const stateVectorOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

/** Each step as a pass over every update; `prepare` runs untimed and unsampled, and returns the step for update i. */
interface Step {
  name: string;
  prepare: (updates: readonly Uint8Array[]) => (i: number) => void;
}

function gateOrThrow(update: Uint8Array, known: Map<number, number>) {
  const verdict = gateUpdate(update, known, Number.MAX_SAFE_INTEGER);
  if (!verdict.ok) throw new Error(verdict.reason);
  advanceKnownClocks(known, verdict.clocks);
  return verdict;
}

function steps(base: Uint8Array): Step[] {
  return [
    {
      name: 'update gate (with its Yjs decode)',
      prepare: (updates) => {
        const known = stateVectorOf(draftFrom(base));
        return (i) => void gateOrThrow(updates[i]!, known);
      },
    },
    {
      name: 'write scope (every write still in flight)',
      prepare: (updates) => {
        const draft = draftFrom(base);
        const known = stateVectorOf(draft);
        // The gate's verdicts, made beforehand so that only the scope check is measured.
        const verdicts = updates.map((update) => gateOrThrow(update, known));
        const pending = new PendingRoots();
        return (i) => {
          const scope = resolveWriteScope(verdicts[i]!.structs, verdicts[i]!.deleteSet, draft, pending);
          if (!scope.ok) throw new Error(scope.reason);
          pending.add(scope.itemRanges);
        };
      },
    },
    {
      name: 'Yjs applying it to the live draft',
      prepare: (updates) => {
        const draft = draftFrom(base);
        return (i) => Y.applyUpdate(draft, updates[i]!);
      },
    },
  ];
}

/** Runs `pass` once with the sampling heap profiler on; resolves with the bytes it allocated. */
async function allocatedBy(session: Session, pass: () => void): Promise<number> {
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  pass();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  let total = 0;
  const stack = [profile.head];
  for (let node = stack.pop(); node; node = stack.pop()) {
    total += node.selfSize;
    stack.push(...node.children);
  }
  return total;
}

export async function runHotPath(options: HotPathOptions): Promise<HotPathRow[]> {
  const { base, updates } = typingUpdates(options.updates);
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  const rows: HotPathRow[] = [];
  try {
    for (const step of steps(base)) {
      const timings: number[] = [];
      for (let pass = 0; pass < options.passes; pass++) {
        const each = step.prepare(updates);
        const started = performance.now();
        for (let i = 0; i < updates.length; i++) each(i);
        timings.push(performance.now() - started);
      }
      timings.sort((a, b) => a - b);
      const each = step.prepare(updates);
      const bytes = await allocatedBy(session, () => {
        for (let i = 0; i < updates.length; i++) each(i);
      });
      rows.push({
        step: step.name,
        bytesPerUpdate: bytes / updates.length,
        usPerUpdate: (timings[Math.floor(timings.length / 2)]! * 1000) / updates.length,
      });
    }
  } finally {
    await session.post('HeapProfiler.disable');
    session.disconnect();
  }
  return rows;
}
