import { z } from 'zod';

/**
 * zod's English messages ("Too big: expected string to have <=60 characters"),
 * for every schema the server checks input with: its own (classic `zod`) and
 * the shared ones (`zod/mini`, which loads no locale of its own; the client
 * bundle uses them without one). A validation_failed answer and a ConfigError
 * are built from these messages.
 *
 * Set here, once, as a side effect of importing this module: parseBody.ts
 * (every validation_failed) and config.ts (server start, `npm run user`)
 * import it. zod reads the locale when a parse fails, not when a schema is
 * made, so where this lands in the import order does not matter as long as it
 * is loaded before the first parse.
 */
z.config(z.locales.en());
