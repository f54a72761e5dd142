/**
 * The raw baseline of `sync.upload.ratio`, in a process of its own like the central server it is
 * compared with: Fastify writing each POSTed body to a file, nothing else. Prints `listening <url>`.
 * Usage: node --import tsx scripts/bench/rawUploadServer.ts <directory>
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import Fastify from 'fastify';

const dir = process.argv[2];
if (!dir) throw new Error('usage: rawUploadServer.ts <directory>');
const app = Fastify({ logger: false });
app.addContentTypeParser('application/octet-stream', (_request, _payload, done) => done(null));
app.post('/raw/:name', async (request, reply) => {
  const { name } = request.params as { name: string };
  await pipeline(request.raw, createWriteStream(join(dir, name)));
  return reply.code(204).send();
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`listening ${url}`);
