import { bodyLimit } from 'hono/body-limit';
import { payloadTooLarge } from '../../appError.ts';

/** Refuses a body over `maxBytes` with 413 `payload_too_large`, before it is read whole. */
export const jsonBodyLimit = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw payloadTooLarge(`the body is larger than ${maxBytes} bytes`);
    },
  });
