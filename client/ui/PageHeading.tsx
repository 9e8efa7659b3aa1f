import { useEffect, useRef, type ReactNode } from 'react';

export interface PageHeadingProps {
  children: ReactNode;
  className?: string;
}

/**
 * A screen's h1. When a screen replaces another, the control that was focused
 * (the link or button that navigated) is gone and focus falls to <body>; the
 * heading takes it then, so keyboard and screen-reader users start at the top
 * of the new screen and hear where they are. Focus inside the page is left alone.
 */
export function PageHeading({ children, className }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} className={className ? `page-heading ${className}` : 'page-heading'} tabIndex={-1}>
      {children}
    </h1>
  );
}
