import { useCallback } from 'react';
import type { Account } from '../../../shared/api/auth.ts';
import type { ApiError } from '../../api/ApiError.ts';
import { listAccounts } from '../../api/accounts.ts';
import { useLoaded } from '../../api/useLoaded.ts';

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
  const { value, error, reload, update } = useLoaded(listAccounts);
  const replace = useCallback(
    (account: Account) => update((list) => list.map((item) => (item.id === account.id ? account : item))),
    [update],
  );
  return { accounts: value, error, reload, replace };
}
