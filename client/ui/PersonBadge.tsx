import { initialsOf } from '../identity/initials.ts';

export interface PersonBadgeProps {
  name: string;
  color: string;
  /** Extra words after the name, e.g. "(you)". */
  suffix?: string;
  /** Show only the initials circle; the name is still read out and shown as a tooltip. */
  isCompact?: boolean;
}

/**
 * A person: a coloured circle with their initials (white on a palette colour,
 * AA contrast) and their name. The name is always there in text, so colour is
 * never the only way to tell people apart.
 */
export function PersonBadge({ name, color, suffix, isCompact = false }: PersonBadgeProps) {
  const label = suffix ? `${name} ${suffix}` : name;
  return (
    <span className={isCompact ? 'person person--compact' : 'person'} title={isCompact ? label : undefined}>
      <span className="person__avatar" style={{ backgroundColor: color }} aria-hidden="true">
        {initialsOf(name)}
      </span>
      <span className={isCompact ? 'visually-hidden' : 'person__name'}>
        {name}
        {suffix && <span className="person__suffix"> {suffix}</span>}
      </span>
    </span>
  );
}
