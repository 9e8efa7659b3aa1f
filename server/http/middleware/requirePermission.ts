import type { MiddlewareHandler } from 'hono';
import { can, type Action } from '../../../shared/permissions/permissions.ts';
import { forbidden } from '../../appError.ts';
import { principalOf, type AuthEnv } from './authEnv.ts';

/** Answers 403 `forbidden` unless the signed-in principal's role may do `action`. */
export function requirePermission(action: Action): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const { role } = principalOf(c);
    if (!can(role, action)) throw forbidden(`the ${role} role may not do ${action}`);
    await next();
  };
}
