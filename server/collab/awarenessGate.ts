import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { AWARENESS_USER_FIELD, awarenessUserSchema } from '../../shared/protocol/awareness.ts';

/**
 * The awareness gate: a pure verdict on one awareness update from a client.
 * Awareness is client-asserted, so the gate decodes it whole, bounds each
 * state's size, requires each state to be a JSON object (or null, which
 * means "gone"), and checks the `user` field against the shared contract.
 * Which connection may speak for which client id is the room's business.
 */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** Null when the client announces it has left. */
  state: Record<string, unknown> | null;
}

export type AwarenessVerdict =
  | { ok: true; entries: AwarenessEntry[] }
  | { ok: false; reason: string };

export interface AwarenessLimits {
  maxEntries: number;
  maxStateChars: number;
}

const refuse = (reason: string): AwarenessVerdict => ({ ok: false, reason });

export function gateAwareness(update: Uint8Array, limits: AwarenessLimits): AwarenessVerdict {
  const entries: AwarenessEntry[] = [];
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > limits.maxEntries) return refuse(`more than ${limits.maxEntries} awareness states`);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (json.length > limits.maxStateChars) {
        return refuse(`awareness state longer than ${limits.maxStateChars} characters`);
      }
      const state: unknown = JSON.parse(json);
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
        return refuse('awareness state is not an object');
      }
      const record = state as Record<string, unknown> | null;
      if (record && AWARENESS_USER_FIELD in record) {
        if (!awarenessUserSchema.safeParse(record[AWARENESS_USER_FIELD]).success) {
          return refuse('awareness user must have a name and a #rrggbb colour');
        }
      }
      entries.push({ clientId, clock, state: record });
    }
    if (decoding.hasContent(decoder)) return refuse('trailing bytes after awareness states');
  } catch {
    return refuse('awareness update does not decode');
  }
  return { ok: true, entries };
}

/** Encodes entries back into an awareness update (the layout `gateAwareness` reads). */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
