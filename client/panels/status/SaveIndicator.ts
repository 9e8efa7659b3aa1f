import type { ConnectionSnapshot } from '../../editor/collab/ConnectionTracker.ts';
import type { SaveSnapshot } from '../../editor/collab/SaveTracker.ts';
import { ValueStore } from '../../editor/collab/ValueStore.ts';

/** Whether everything in this tab is stored on the server, as it is this instant. */
export type TrueSaveState = 'saved' | 'saving' | 'unsaved';

/** What the save status says. */
export interface SaveIndication {
  /**
   * saved: nothing is waiting, or a save is under way and has not yet taken
   * long enough to mention; saving: a save has taken longer than that;
   * offline / closed: edits are held on this device, with no connection to
   * send them over, or one the server closed for good.
   */
  shown: 'saved' | 'saving' | 'offline' | 'closed';
  /** When the server last confirmed everything here was stored, to the second; null before the first confirmation. */
  savedAt: Date | null;
}

/** The state as it is now, kept in the status's data-state. */
function trueSaveStateOf(save: SaveSnapshot, connection: ConnectionSnapshot): TrueSaveState {
  if (!save.hasUnsavedChanges) return 'saved';
  return connection.kind === 'connected' ? 'saving' : 'unsaved';
}

const toTheSecond = (date: Date | null) => (date === null ? null : new Date(date.getTime() - (date.getTime() % 1000)));

const isSameIndication = (a: SaveIndication, b: SaveIndication) =>
  a.shown === b.shown && a.savedAt?.getTime() === b.savedAt?.getTime();

/**
 * Folds the save and connection states into what the save status shows.
 *
 * Each keystroke is unsaved from the moment it is typed until the server's
 * ack a few milliseconds later. Passing that on would re-render the status
 * twice a key, and every React commit while the copy has focus reads the
 * selection by walking the whole copy (React does so for any focused
 * contenteditable), inside the keystroke's own frame. So the indication
 * changes only when what it says does: a save is mentioned once it has lasted
 * `slowAfterMs`, and the time of the last save is kept to the second. The
 * state as it is this instant is in `trueState`, for the status's data-state,
 * which is written to the element directly rather than rendered.
 */
export class SaveIndicator {
  readonly indication: ValueStore<SaveIndication>;
  readonly trueState: ValueStore<TrueSaveState>;
  private slowTimer: ReturnType<typeof setTimeout> | null = null;
  private isSlow = false;

  constructor(
    private readonly saves: ValueStore<SaveSnapshot>,
    private readonly connection: ValueStore<ConnectionSnapshot>,
    private readonly slowAfterMs: number,
  ) {
    this.trueState = new ValueStore(trueSaveStateOf(saves.get(), connection.get()));
    this.indication = new ValueStore(this.indicate());
  }

  /** Follows the two states until the returned function is called. */
  start(): () => void {
    const stopSaves = this.saves.subscribe(this.refresh);
    const stopConnection = this.connection.subscribe(this.refresh);
    this.refresh();
    return () => {
      stopSaves();
      stopConnection();
      this.clearSlowTimer();
    };
  }

  private readonly refresh = (): void => {
    const state = trueSaveStateOf(this.saves.get(), this.connection.get());
    if (state !== 'saving') {
      this.clearSlowTimer();
      this.isSlow = false;
    } else if (!this.isSlow && this.slowTimer === null) {
      this.slowTimer = setTimeout(() => {
        this.slowTimer = null;
        this.isSlow = true;
        this.indication.set(this.indicate(), isSameIndication);
      }, this.slowAfterMs);
    }
    this.trueState.set(state);
    this.indication.set(this.indicate(), isSameIndication);
  };

  private indicate(): SaveIndication {
    const save = this.saves.get();
    const connection = this.connection.get();
    const savedAt = toTheSecond(save.lastSavedAt);
    if (!save.hasUnsavedChanges) return { shown: 'saved', savedAt };
    if (connection.kind === 'connected') return { shown: this.isSlow ? 'saving' : 'saved', savedAt };
    return { shown: connection.kind === 'closed' ? 'closed' : 'offline', savedAt };
  }

  private clearSlowTimer(): void {
    if (this.slowTimer === null) return;
    clearTimeout(this.slowTimer);
    this.slowTimer = null;
  }
}
