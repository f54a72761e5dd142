/**
 * Where the server's TLS certificate comes from. TLS_CERT and TLS_KEY (PEM files) win. Without them,
 * a self-signed certificate for localhost, 127.0.0.1 and ::1 is made on the first start (served only
 * with TLS_DEV_CERT=1)
 * with the system's `openssl` (Node 20 cannot create X.509 certificates itself) and reused on later
 * starts; when `openssl` is missing the server says so and serves plain HTTP, which the app accepts
 * only from loopback addresses. A development certificate is for one machine, never for a bureau.
 */
import { execFile } from 'node:child_process';
import { access, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ServerConfig } from '../context/config';

const run = promisify(execFile);

export interface TlsFiles {
  cert: string;
  key: string;
}

export interface TlsResult {
  tls: TlsFiles | undefined;
  /** One line for the operator: where the certificate came from, or why there is none. */
  note: string;
}

const exists = (path: string) => access(path).then(
  () => true,
  () => false,
);

/** Makes (once) a self-signed certificate for localhost in `dir`; undefined when openssl is not there. */
export async function ensureDevCertificate(dir: string, openssl = 'openssl'): Promise<{ files: TlsFiles; created: boolean } | undefined> {
  const certPath = join(dir, 'dev-cert.pem');
  const keyPath = join(dir, 'dev-key.pem');
  let created = false;
  if (!((await exists(certPath)) && (await exists(keyPath)))) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    try {
      await run(openssl, [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', keyPath, '-out', certPath, '-days', '397', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
      ]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    created = true;
  }
  return { files: { cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8') }, created };
}

/** The TLS files to serve with, per the configuration; `tlsDir` holds the development certificate. */
export async function loadTls(config: ServerConfig, tlsDir: string, openssl?: string): Promise<TlsResult> {
  if (config.tlsCertFile && config.tlsKeyFile) {
    return {
      tls: { cert: await readFile(config.tlsCertFile, 'utf8'), key: await readFile(config.tlsKeyFile, 'utf8') },
      note: `TLS: serving HTTPS with ${config.tlsCertFile}`,
    };
  }
  if (config.tlsDevCertificate) {
    const dev = await ensureDevCertificate(tlsDir, openssl);
    if (!dev) return { tls: undefined, note: 'TLS: openssl was not found, so no development certificate could be made: serving plain HTTP (loopback only)' };
    return { tls: dev.files, note: `TLS: serving HTTPS with the ${dev.created ? 'new' : 'existing'} self-signed development certificate in ${tlsDir}` };
  }
  // The development certificate is made on the first start all the same, so that switching a
  // development machine to HTTPS is one setting away; serving it stays opt-in because browsers and
  // the tests would refuse a self-signed certificate they were not told to trust.
  const dev = await ensureDevCertificate(tlsDir, openssl).catch(() => undefined);
  const ready = dev ? `; a development certificate for localhost is ready in ${tlsDir} (TLS_DEV_CERT=1 serves it)` : '';
  return { tls: undefined, note: `TLS: off (set TLS_CERT and TLS_KEY, or TLS_DEV_CERT=1): the app talks plain HTTP only to loopback addresses${ready}` };
}
