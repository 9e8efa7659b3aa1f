import { Component, type ReactNode } from 'react';

interface OptionalPartProps {
  /** Names the part in the console when it fails. */
  name: string;
  children: ReactNode;
  /** Shown instead once they fail; nothing by default. */
  fallback?: ReactNode;
}

/**
 * Renders `children`, or `fallback` once they fail: for a convenience loaded
 * on its own (a lazy chunk a deploy removed, or a network that dropped just
 * then), whose failure must not take the page around it down.
 */
export class OptionalPart extends Component<OptionalPartProps, { hasFailed: boolean }> {
  override state = { hasFailed: false };

  static getDerivedStateFromError(): { hasFailed: boolean } {
    return { hasFailed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn(`${this.props.name} is unavailable`, error);
  }

  override render(): ReactNode {
    return this.state.hasFailed ? (this.props.fallback ?? null) : this.props.children;
  }
}
