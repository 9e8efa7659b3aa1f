import { ROLES, type Role } from '../../shared/permissions/permissions.ts';
import type { AccountStore } from '../storage/AccountStore.ts';
import { addAccount } from './accounts.ts';
import { generatePassword } from './passwords.ts';

/** One account per role, so every part of the desk can be tried at once. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; displayName: string; role: Role }> = [
  { username: 'editor', displayName: 'Eddie Editor', role: ROLES.editor },
  { username: 'legal', displayName: 'Lena Legal', role: ROLES.legal },
  { username: 'chief', displayName: 'Chris Chief', role: ROLES.chief },
  { username: 'admin', displayName: 'Ada Admin', role: ROLES.admin },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  /** In clear, for the banner only; undefined when it is DEMO_PASSWORD (the operator knows it). */
  generatedPassword: string | undefined;
}

/**
 * Creates the demo accounts when there are no accounts at all; resolves to
 * them, or to undefined when accounts already exist (they are never re-seeded,
 * so deleting or changing them sticks). Each gets `password` when given, else
 * a generated one of its own. Never called in production.
 */
export async function seedDemoAccounts(
  accounts: AccountStore,
  password: string | undefined,
  now: number,
): Promise<DemoAccount[] | undefined> {
  if ((await accounts.countAccounts()) > 0) return undefined;
  return Promise.all(
    DEMO_ACCOUNTS.map(async (demo) => {
      const generatedPassword = password === undefined ? generatePassword() : undefined;
      await addAccount(accounts, { ...demo, password: password ?? generatedPassword! }, now);
      return { ...demo, generatedPassword };
    }),
  );
}

/**
 * The plain-text box printed to stdout once, when the demo accounts are made:
 * the only place a generated password ever appears.
 */
export function formatDemoBanner(created: readonly DemoAccount[], url: string): string {
  const rows = created.map(
    (a) => `${a.username.padEnd(8)} ${a.role.padEnd(7)} ${a.displayName.padEnd(13)} ${a.generatedPassword ?? '(DEMO_PASSWORD)'}`,
  );
  const lines = [
    'Copydesk demo accounts (created on this first start; not in production)',
    '',
    `username role    name          password`,
    ...rows,
    '',
    `Sign in at ${url}`,
    'Passwords are shown only now. Reset one with: npm run user -- password NAME',
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const border = '+' + '-'.repeat(width + 2) + '+';
  return [border, ...lines.map((line) => `| ${line.padEnd(width)} |`), border].join('\n') + '\n';
}
