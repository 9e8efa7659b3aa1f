import { useId, useState } from 'react';
import type { AccountSummary } from '../../../shared/api/auth.ts';
import { ACTIONS, can } from '../../../shared/permissions/permissions.ts';
import { ApiError } from '../../api/ApiError.ts';
import { MANUAL_DESK_STATES, setDeskState, type DeskState, type DeskView } from '../../api/versions.ts';
import { Icon } from '../../ui/Icon.tsx';
import { DeskStateBadge } from './DeskStateBadge.tsx';
import { DESK_STATE_WORDS } from './deskStateWords.ts';

export interface DeskControlsProps {
  draftId: string;
  account: AccountSummary;
  desk: DeskView | null;
  onChanged: () => void;
  onRequestSignOff: () => void;
}

/**
 * The top bar's desk part: the state badge (icon and words), a "Move to"
 * select for editors and chiefs (draft, in review, legal review, spiked), and the
 * chief's Sign off button.
 */
export function DeskControls({ draftId, account, desk, onChanged, onRequestSignOff }: DeskControlsProps) {
  const canMove = can(account.role, ACTIONS.editCopy);
  const canSignOff = can(account.role, ACTIONS.signOff);
  const [error, setError] = useState<string | null>(null);
  const [isMoving, setMoving] = useState(false);
  const selectId = useId();
  if (!desk) return null;

  const move = async (state: DeskState) => {
    setMoving(true);
    setError(null);
    try {
      await setDeskState(draftId, state);
      onChanged();
    } catch (caught) {
      setError(`Could not move the draft: ${caught instanceof ApiError ? caught.message : 'something went wrong.'}`);
    } finally {
      setMoving(false);
    }
  };

  return (
    <div className="desk-controls">
      <span className="visually-hidden">Desk state: </span>
      <DeskStateBadge state={desk.state} />
      {canMove && (
        <>
          <label htmlFor={selectId} className="visually-hidden">
            Move the draft to
          </label>
          <select
            id={selectId}
            className="field__input field__input--compact desk-controls__move"
            value=""
            disabled={isMoving}
            onChange={(event) => {
              if (event.target.value) void move(event.target.value as DeskState);
            }}
          >
            <option value="">Move to…</option>
            {MANUAL_DESK_STATES.filter((state) => state !== desk.state).map((state) => (
              <option key={state} value={state}>
                {DESK_STATE_WORDS[state].label}
              </option>
            ))}
          </select>
        </>
      )}
      {canSignOff && (
        <button type="button" className="button button--primary button--small" onClick={onRequestSignOff}>
          <Icon name="check" />
          Sign off
        </button>
      )}
      {error && (
        <p className="desk-controls__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
