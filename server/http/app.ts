import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { PresentPerson } from '../../shared/api/drafts.ts';
import { ERROR_CODES } from '../../shared/api/errorCodes.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import type { SignIn } from '../auth/signIn.ts';
import type { Logger } from '../logger.ts';
import type { AnnotationDeps } from '../annotations/annotationDeps.ts';
import type { AccountStore } from '../storage/AccountStore.ts';
import type { ActivityLog } from '../storage/ActivityLog.ts';
import type { InboxStore } from '../storage/InboxStore.ts';
import type { DocumentStore } from '../storage/DocumentStore.ts';
import type { VersionDeps } from '../versions/versionDeps.ts';
import { createErrorHandler } from './errorHandler.ts';
import { opsRoutes, type OpsRouteDeps } from './routes/ops.ts';
import type { AuthEnv } from './middleware/authEnv.ts';
import { refuseCrossSite } from './middleware/refuseCrossSite.ts';
import { requireSignIn } from './middleware/requireSignIn.ts';
import { revalidateAppShell } from './middleware/revalidateAppShell.ts';
import { peopleRoutes } from './routes/people.ts';
import { accountRoutes } from './routes/accounts.ts';
import { activityRoutes } from './routes/activity.ts';
import { annotationRoutes } from './routes/annotations.ts';
import { inboxRoutes } from './routes/inbox.ts';
import { docsRoutes } from './routes/docs.ts';
import { deskRoutes } from './routes/desk.ts';
import { exportRoutes } from './routes/export.ts';
import { signoffRoutes } from './routes/signoffs.ts';
import { compareRoutes, versionRoutes } from './routes/versions.ts';
import { sessionRoutes } from './routes/session.ts';
import { tokenRoutes } from './routes/tokens.ts';

export interface AppDeps {
  store: DocumentStore;
  accounts: AccountStore;
  activity: ActivityLog;
  inbox: InboxStore;
  /** The flag commands' dependencies (rooms, activity, inbox, accounts). */
  annotations: AnnotationDeps;
  /** The version, sign-off and desk commands' dependencies. */
  versionDeps: VersionDeps;
  authenticator: Authenticator;
  signIn: SignIn;
  sessionSecret: string;
  sessionTtlMs: number;
  /** ALLOWED_ORIGINS: origins besides the server's own that may make cookie-authenticated writes. */
  allowedOrigins: readonly string[];
  trustProxy: boolean;
  now: () => number;
  logger: Logger;
  presentIn: (draftIds: readonly string[]) => Promise<Map<string, PresentPerson[]>>;
  /** The built client (index.html and assets); absent in API-only test runs. */
  staticDir: string;
  maxImportBytes: number;
  maxJsonBodyBytes: number;
  ops: OpsRouteDeps;
}

/**
 * The HTTP side: JSON API under /api, health check, and the single-page client.
 * Every /api route needs a session or token (401), except signing in; each
 * route then checks its action against the role (403).
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AuthEnv>();
  app.use('*', requestId());
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // ProseMirror and the caret extension set style attributes from script.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.onError(createErrorHandler(deps.logger));

  app.route('/', opsRoutes(deps.ops));
  // Order matters: cross-site writes are refused before credentials are even
  // looked at, and sign-in is required before any /api route runs.
  app.use('/api/*', refuseCrossSite(deps));
  app.use(
    '/api/*',
    requireSignIn({ authenticator: deps.authenticator, trustProxy: deps.trustProxy, publicRoutes: [['POST', '/api/session']] }),
  );
  app.route('/api/session', sessionRoutes(deps));
  app.route('/api/tokens', tokenRoutes(deps));
  app.route('/api/accounts', accountRoutes(deps));
  app.route('/api/people', peopleRoutes(deps));
  app.route('/api/docs/:id/annotations', annotationRoutes(deps));
  app.route('/api/docs/:id/activity', activityRoutes(deps));
  app.route('/api/docs/:id/versions', versionRoutes(deps));
  app.route('/api/docs/:id/compare', compareRoutes(deps));
  app.route('/api/docs/:id/signoffs', signoffRoutes(deps));
  app.route('/api/docs/:id/export', exportRoutes(deps));
  app.route('/api/docs/:id', deskRoutes(deps));
  app.route('/api/docs', docsRoutes({ ...deps, versions: deps.versionDeps.versions }));
  app.route('/api/inbox', inboxRoutes({ ...deps, versions: deps.versionDeps.versions }));
  app.all('/api/*', (c) =>
    c.json({ error: { code: ERROR_CODES.notFound, message: `no route ${c.req.method} ${c.req.path}` } }, 404),
  );

  const indexHtml = readIndexHtml(deps.staticDir);
  app.use('*', revalidateAppShell());
  // serveStatic wants a root relative to the working directory; it falls through when a file is missing.
  app.use('*', serveStatic({ root: path.relative(process.cwd(), deps.staticDir) || '.' }));
  app.get('*', (c) => {
    if (!indexHtml) {
      return c.json(
        { error: { code: ERROR_CODES.notFound, message: 'the client is not built: run npm run build' } },
        404,
      );
    }
    // The client routes (/ and /docs/:id) all start from the same page.
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  });
  return app;
}

function readIndexHtml(staticDir: string): string | undefined {
  try {
    return readFileSync(path.join(staticDir, 'index.html'), 'utf8');
  } catch {
    return undefined;
  }
}
