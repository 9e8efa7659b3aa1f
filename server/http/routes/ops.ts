import { Hono } from 'hono';

export interface OpsRouteDeps {
  /** Resolves to each dependency's state; `ready` only when all are reachable. */
  checkReadiness: () => Promise<Record<string, boolean>>;
  renderMetrics: () => Promise<string>;
  metricsContentType: string;
}

/**
 * `/healthz` (the process answers), `/readyz` (its database, and Redis when
 * used, answer: 503 otherwise, so a balancer sends no one here) and
 * `/metrics` (Prometheus text). None needs credentials; none reveals a draft,
 * a name or a secret.
 */
export function opsRoutes(deps: OpsRouteDeps) {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const checks = await deps.checkReadiness();
    const ready = Object.values(checks).every(Boolean);
    return c.json({ status: ready ? 'ready' : 'not-ready', checks }, ready ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    c.header('Content-Type', deps.metricsContentType);
    return c.body(await deps.renderMetrics());
  });
  return app;
}
