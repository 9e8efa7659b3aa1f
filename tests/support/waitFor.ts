/**
 * Polls `condition` until it returns a truthy value and resolves with it.
 * Rejects with `message` after `timeoutMs`. Tests wait on conditions, never
 * on fixed sleeps.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  message = 'condition',
  timeoutMs = 10_000,
  intervalMs = 10,
): Promise<Exclude<T, false | null | undefined | 0 | ''>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as Exclude<T, false | null | undefined | 0 | ''>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
