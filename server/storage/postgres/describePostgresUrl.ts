/** The URL with its password blanked, fit for a log line. Returns '(invalid URL)' when it does not parse. */
export function describePostgresUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(invalid URL)';
  }
}
