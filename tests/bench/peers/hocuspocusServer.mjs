import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

/**
 * Hocuspocus with its SQLite extension, as a user would run it, for the
 * side-by-side benchmark. Prints a JSON line with its port when ready. Plain
 * JavaScript, so it runs on Node alone like the other servers measured.
 */
const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: process.env.HOCUSPOCUS_DATABASE ?? ':memory:' })],
});
await server.listen();
console.log(JSON.stringify({ msg: 'ready', port: server.address.port }));
