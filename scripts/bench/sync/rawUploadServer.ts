/**
 * The raw baseline of `sync.upload.ratio`, in a process of its own like the central server it is
 * compared with: Fastify writing each POSTed body to a file, nothing else. One URL for every upload
 * (the file's name in `x-raw-name`), so that a browser asks CORS leave once, as the sync's whole
 * uploads do. Prints `listening <url>`.
 * Usage: node --import tsx scripts/bench/sync/rawUploadServer.ts <directory>
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import Fastify from 'fastify';

const dir = process.argv[2];
if (!dir) throw new Error('usage: rawUploadServer.ts <directory>');
const app = Fastify({ logger: false });
app.addContentTypeParser('application/octet-stream', (_request, _payload, done) => done(null));
app.addHook('onSend', async (_request, reply) => {
  reply.header('access-control-allow-origin', '*');
});
app.options('/raw', async (_request, reply) =>
  reply
    .header('access-control-allow-methods', 'POST')
    .header('access-control-allow-headers', 'content-type, x-raw-name')
    .header('access-control-max-age', '600')
    .code(204)
    .send(),
);
app.post('/raw', async (request, reply) => {
  const name = String(request.headers['x-raw-name'] ?? '');
  if (!/^\d+$/.test(name)) return reply.code(400).send();
  await pipeline(request.raw, createWriteStream(join(dir, name)));
  return reply.code(204).send();
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`listening ${url}`);
