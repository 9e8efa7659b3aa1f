import { useCallback, useEffect, useState } from 'react';
import type { TokenSummary } from '../../../shared/api/auth.ts';
import { ApiError } from '../../api/ApiError.ts';
import { listTokens } from '../../api/tokens.ts';

export interface TokensState {
  /** Null until the first answer. */
  tokens: TokenSummary[] | null;
  error: ApiError | null;
  reload: () => void;
}

/** The signed-in person's tokens, loaded once; `reload` after a change. */
export function useTokens(): TokensState {
  const [tokens, setTokens] = useState<TokenSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    listTokens(controller.signal).then(
      (list) => {
        setTokens(list);
        setError(null);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught instanceof ApiError ? caught : new ApiError('internal_error', String(caught), 0));
      },
    );
    return () => controller.abort();
  }, [generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { tokens, error, reload };
}
