import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Why browser tests cannot run here, or undefined when they can. In CI a
 * missing browser is a failure, never a skip.
 */
export function browserUnavailableReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  const reason = `${CHROMIUM_PATH} is missing (apt-get install chromium)`;
  if (process.env.CI === 'true') throw new Error(`browser tests must run in CI: ${reason}`);
  return reason;
}

export interface BrowserProfile {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** How the profile's device presents itself: a phone takes taps and lays out as one. */
export interface DeviceOptions {
  isPhone?: boolean;
}

/** A fresh browser profile: its own localStorage and IndexedDB, like a second person's machine. */
export async function launchProfile({ isPhone = false }: DeviceOptions = {}): Promise<BrowserProfile> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: isPhone ? { width: 390, height: 800 } : { width: 1280, height: 860 },
    ...(isPhone ? { hasTouch: true, isMobile: true } : {}),
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A page in a fresh profile, which joins `profiles` (the caller closes them),
 * with page errors logged under `label`. Its waits give up after 10 s, short of
 * a test's own timeout, so a failure names the locator it was waiting for.
 */
export async function newProfilePage(profiles: BrowserProfile[], label: string, device: DeviceOptions = {}): Promise<Page> {
  const profile = await launchProfile(device);
  profiles.push(profile);
  const page = await profile.context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => console.error(`[${label}] page error: ${error.message}`));
  return page;
}
