import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from '../../../server/auth/passwords.ts';

describe('password hashing', () => {
  it('stores an scrypt string with its parameters and salt, never the password, and verifies it', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/);
    expect(hash).not.toContain('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
  });

  it('refuses a wrong password, and salts each hash afresh', async () => {
    const [first, second] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(first).not.toBe(second);
    expect(await verifyPassword('same passworD', first)).toBe(false);
    expect(await verifyPassword('', first)).toBe(false);
  });

  it('verifies against the parameters stored in the string, so they can change later', async () => {
    // A hash made with cheaper parameters (as an older release might have) still verifies.
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('older password', salt, 32, { N: 2 ** 10, r: 8, p: 1 });
    const old = `$scrypt$ln=10,r=8,p=1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('older password', old)).toBe(true);
    expect(await verifyPassword('other password', old)).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['another scheme', '$2b$12$abcdefghijklmnopqrstuv'],
    ['absurd cost', '$scrypt$ln=40,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg==$MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY='],
    ['short key', '$scrypt$ln=10,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg==$MDEy'],
    ['garbage', 'not a hash at all'],
  ])('answers false, without throwing, for a stored hash it cannot read (%s)', async (_label, stored) => {
    expect(await verifyPassword('anything at all', stored)).toBe(false);
  });

  it('generates long, distinct passwords without look-alike characters', () => {
    const passwords = new Set(Array.from({ length: 200 }, () => generatePassword()));
    expect(passwords.size).toBe(200);
    for (const password of passwords) {
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
    }
  });
});

describe('the demo banner', () => {
  it('shows generated passwords in a plain box, and never echoes DEMO_PASSWORD', async () => {
    const { formatDemoBanner } = await import('../../../server/auth/demoAccounts.ts');
    const banner = formatDemoBanner(
      [
        { username: 'editor', displayName: 'Eddie Editor', role: 'editor', generatedPassword: 'abcde-fghij-kmnop-qrstu' },
        { username: 'legal', displayName: 'Lena Legal', role: 'legal', generatedPassword: undefined },
      ],
      'http://localhost:3000',
    );
    const lines = banner.trimEnd().split('\n');
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(lines[0]).toMatch(/^\+-+\+$/);
    expect(banner).toMatch(/\| editor +editor +Eddie Editor +abcde-fghij-kmnop-qrstu +\|/);
    expect(banner).toMatch(/\| legal +legal +Lena Legal +\(DEMO_PASSWORD\) +\|/);
    expect(banner).toContain('http://localhost:3000');
  });
});
