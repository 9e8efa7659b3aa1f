import { randomBytes } from 'node:crypto';

/** A new flag, comment or inbox item id: 16 URL-safe characters (96 random bits). */
export const newAnnotationId = (): string => randomBytes(12).toString('base64url');
