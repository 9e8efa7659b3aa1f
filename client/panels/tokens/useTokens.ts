import type { TokenSummary } from '../../../shared/api/auth.ts';
import type { ApiError } from '../../api/ApiError.ts';
import { listTokens } from '../../api/tokens.ts';
import { useLoaded } from '../../api/useLoaded.ts';

export interface TokensState {
  /** Null until the first answer. */
  tokens: TokenSummary[] | null;
  error: ApiError | null;
  reload: () => void;
}

/** The signed-in person's tokens, loaded once; `reload` after a change. */
export function useTokens(): TokensState {
  const { value, error, reload } = useLoaded(listTokens);
  return { tokens: value, error, reload };
}
