import type { VersionView } from '../../api/versions.ts';

const KIND_WORDS: Record<string, string> = { named: 'Saved', checkpoint: 'Checkpoint', restore: 'Restore' };

/** A version's name, or words for one the server named itself. */
export function versionTitle(version: VersionView): string {
  const name = version.name?.trim();
  if (name) return name;
  return version.kind === 'checkpoint' ? 'Automatic checkpoint' : version.kind === 'restore' ? 'Restored version' : 'Untitled version';
}

/** "named", "checkpoint", "restore" in words. */
export function versionKindLabel(kind: string): string {
  return KIND_WORDS[kind] ?? kind;
}

/** "+12 words", "−3 words", "no change in length"; null when unknown. */
export function wordDeltaText(delta: number | null): string | null {
  if (delta === null) return null;
  if (delta === 0) return 'no change in length';
  const words = Math.abs(delta) === 1 ? 'word' : 'words';
  return delta > 0 ? `+${delta} ${words}` : `−${Math.abs(delta)} ${words}`;
}
