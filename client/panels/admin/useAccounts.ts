import { useCallback, useEffect, useState } from 'react';
import type { Account } from '../../../shared/api/auth.ts';
import { ApiError } from '../../api/ApiError.ts';
import { listAccounts } from '../../api/accounts.ts';

export interface AccountsState {
  /** Null until the first answer. */
  accounts: Account[] | null;
  error: ApiError | null;
  reload: () => void;
  /** Puts one changed account in place without a reload. */
  replace: (account: Account) => void;
}

/** Every account, for the admin page. */
export function useAccounts(): AccountsState {
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    listAccounts(controller.signal).then(
      (list) => {
        setAccounts(list);
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
  const replace = useCallback((account: Account) => {
    setAccounts((list) => list?.map((item) => (item.id === account.id ? account : item)) ?? list);
  }, []);
  return { accounts, error, reload, replace };
}
