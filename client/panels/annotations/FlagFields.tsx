import { useId, useState, type FormEvent } from 'react';
import type { AccountSummary } from '../../../shared/api/auth.ts';
import type { PatchFlagBody } from '../../../shared/api/annotations.ts';
import {
  CLAIM_STATES,
  FLAG_KINDS,
  LEGAL_CATEGORIES,
  LEGAL_DECISIONS,
  LEGAL_SEVERITIES,
  type ClaimState,
  type LegalCategory,
  type LegalDecision,
  type LegalSeverity,
} from '../../../shared/annotations/kinds.ts';
import { canFlag, canSetLegalFields } from '../../../shared/annotations/rules.ts';
import { FLAG_FIELD_WORDS } from '../../../shared/annotations/words.ts';
import type { Flag, PersonRef } from '../../../shared/annotations/types.ts';
import { ACTIONS } from '../../../shared/permissions/permissions.ts';
import { ApiError } from '../../api/ApiError.ts';
import { patchFlag } from '../../api/annotations.ts';
import { rolesThatCan } from '../../identity/roleLabel.ts';
import { formatTime } from './flagText.ts';

export interface FlagFieldsProps {
  draftId: string;
  account: AccountSummary;
  flag: Flag;
  /** People who may be assigned (known from flags and presence). */
  people: readonly PersonRef[];
}

/** `<input type="datetime-local">` value of an ISO time, in local time; '' for none. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}

/**
 * The desk's structured fields of a flag — a claim's verification and
 * evidence, a source's attribution, legal's category, severity and decision —
 * plus who it is assigned to and by when. Shown read-only to roles that may
 * not set them, with the reason.
 */
export function FlagFields({ draftId, account, flag, people }: FlagFieldsProps) {
  const mayEdit = canFlag(account.role);
  const mayLegal = canSetLegalFields(account.role);
  const [verification, setVerification] = useState<ClaimState>(flag.claim?.verification ?? 'unverified');
  const [evidence, setEvidence] = useState(flag.claim?.evidence ?? '');
  const [attribution, setAttribution] = useState(flag.source?.attribution ?? '');
  const [category, setCategory] = useState<LegalCategory | ''>(flag.legal?.category ?? '');
  const [severity, setSeverity] = useState<LegalSeverity | ''>(flag.legal?.severity ?? '');
  const [decision, setDecision] = useState<LegalDecision | ''>(flag.legal?.decision ?? '');
  const [assigneeId, setAssigneeId] = useState(flag.assignee?.id ?? '');
  const [dueAt, setDueAt] = useState(toLocalInput(flag.dueAt));
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);
  const [isSaving, setSaving] = useState(false);
  const id = useId();

  if (!mayEdit && !mayLegal) return null;

  const candidates = new Map(people.map((person) => [person.id, person.name]));
  if (flag.assignee) candidates.set(flag.assignee.id, flag.assignee.name);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body: PatchFlagBody = {};
    if (mayEdit && flag.kind === FLAG_KINDS.claim) body.claim = { verification, ...(evidence.trim() ? { evidence: evidence.trim() } : {}) };
    if (mayEdit && flag.kind === FLAG_KINDS.sourceNeeded) body.source = { attribution: attribution.trim() };
    if (mayLegal && flag.kind === FLAG_KINDS.legalRisk) {
      body.legal = { ...(category ? { category } : {}), ...(severity ? { severity } : {}), ...(decision ? { decision } : {}) };
    }
    if (mayEdit) {
      body.assigneeId = assigneeId || null;
      body.dueAt = dueAt ? new Date(dueAt).toISOString() : null;
    }
    setSaving(true);
    setMessage(null);
    try {
      await patchFlag(draftId, flag.id, body);
      setMessage({ isError: false, text: 'Saved.' });
    } catch (caught) {
      setMessage({ isError: true, text: `Could not save: ${caught instanceof ApiError ? caught.message : 'something went wrong.'}` });
    } finally {
      setSaving(false);
    }
  };

  const select = <T extends keyof typeof FLAG_FIELD_WORDS>(name: string, label: string, value: T | '', options: readonly T[], onChange: (v: T | '') => void, disabled = false, allowNone = true) => (
    <label className="flag-fields__field" htmlFor={`${id}-${name}`}>
      <span>{label}</span>
      <select id={`${id}-${name}`} className="field__input field__input--compact" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T | '')}>
        {allowNone && <option value="">Not set</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {FLAG_FIELD_WORDS[option]}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form className="flag-fields" onSubmit={(event) => void onSubmit(event)} aria-label="Flag details">
      {flag.kind === FLAG_KINDS.claim && (
        <>
          {select('verification', 'Verification', verification, CLAIM_STATES, (v) => setVerification(v || 'unverified'), !mayEdit, false)}
          <label className="flag-fields__field flag-fields__field--wide" htmlFor={`${id}-evidence`}>
            <span>Evidence (link or note)</span>
            <input id={`${id}-evidence`} className="field__input field__input--compact" value={evidence} disabled={!mayEdit} onChange={(e) => setEvidence(e.target.value)} maxLength={2000} />
          </label>
          {flag.claim?.verifiedBy && (
            <p className="flag-fields__note muted">
              {FLAG_FIELD_WORDS[flag.claim.verification]} by {flag.claim.verifiedBy.name} · {formatTime(flag.claim.verifiedAt)}
            </p>
          )}
        </>
      )}
      {flag.kind === FLAG_KINDS.sourceNeeded && (
        <label className="flag-fields__field flag-fields__field--wide" htmlFor={`${id}-attribution`}>
          <span>Attribution</span>
          <input id={`${id}-attribution`} className="field__input field__input--compact" value={attribution} disabled={!mayEdit} onChange={(e) => setAttribution(e.target.value)} maxLength={500} placeholder="e.g. Reuters, 4 May" />
        </label>
      )}
      {flag.kind === FLAG_KINDS.legalRisk && (
        <>
          {select('category', 'Category', category, LEGAL_CATEGORIES, setCategory, !mayLegal)}
          {select('severity', 'Severity', severity, LEGAL_SEVERITIES, setSeverity, !mayLegal)}
          {select('decision', 'Legal decision', decision, LEGAL_DECISIONS, setDecision, !mayLegal)}
          {!mayLegal && <p className="flag-fields__note muted">Only {rolesThatCan(ACTIONS.resolveLegalFlags)} set legal’s fields.</p>}
        </>
      )}
      {mayEdit && (
        <>
          <label className="flag-fields__field" htmlFor={`${id}-assignee`}>
            <span>Assigned to</span>
            <select id={`${id}-assignee`} className="field__input field__input--compact" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
              <option value="">Nobody</option>
              {[...candidates].map(([personId, name]) => (
                <option key={personId} value={personId}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label className="flag-fields__field" htmlFor={`${id}-due`}>
            <span>Due</span>
            <input id={`${id}-due`} type="datetime-local" className="field__input field__input--compact" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
          </label>
        </>
      )}
      <div className="flag-fields__actions">
        {message && (
          <span className={message.isError ? 'field__error' : 'muted'} role={message.isError ? 'alert' : 'status'}>
            {message.text}
          </span>
        )}
        <span className="form__spacer" />
        <button type="submit" className="button button--small" disabled={isSaving}>
          {isSaving ? 'Saving…' : 'Save details'}
        </button>
      </div>
    </form>
  );
}
