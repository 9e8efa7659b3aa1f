import type { DeskView, SignoffView } from '../../api/versions.ts';
import { Icon } from '../../ui/Icon.tsx';
import { SignoffRecord } from './SignoffRecord.tsx';

export interface SignoffBannerProps {
  desk: DeskView | null;
  signoffs: readonly SignoffView[];
  /** The names of versions by id, for the record. */
  versionName: (id: string | null) => string | null;
  onCompareWithSigned: (versionId: string) => void;
}

/**
 * Under the top bar of a signed-off draft: the latest sign-off, for everyone
 * (it appears live when the chief signs), and, once the copy has changed
 * since, a one-click compare with the signed version.
 */
export function SignoffBanner({ desk, signoffs, versionName, onCompareWithSigned }: SignoffBannerProps) {
  if (!desk || (desk.state !== 'signed-off' && desk.state !== 'changed-since-signoff')) return null;
  const latest = desk.lastSignoff ?? signoffs[0];
  if (!latest) return null;
  const isChanged = desk.state === 'changed-since-signoff';
  return (
    <section className={isChanged ? 'signoff-banner signoff-banner--changed' : 'signoff-banner'} aria-label="Sign-off">
      {isChanged && (
        <p className="signoff-banner__changed">
          <Icon name="alert" />
          <span>
            <strong>Changed since sign-off.</strong> The live copy is no longer the text that was approved.
          </span>
          {latest.versionId && (
            <button type="button" className="button button--small" onClick={() => onCompareWithSigned(latest.versionId!)}>
              Compare with signed version
            </button>
          )}
        </p>
      )}
      <SignoffRecord signoff={latest} versionName={versionName(latest.versionId)} />
    </section>
  );
}
