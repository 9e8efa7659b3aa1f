import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { mayLeave } from './leaveGuard.ts';
import { navigate } from './router.ts';

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
}

/**
 * A real link (middle-click, open in new tab and copy address all work) that
 * navigates inside the app on a plain left click.
 */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    event.preventDefault();
    if (mayLeave()) navigate(to);
  };
  return <a href={to} onClick={onLinkClick} {...rest} />;
}
