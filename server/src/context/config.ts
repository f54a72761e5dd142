/**
 * The server's configuration: read once from the environment (`readServerConfig`), or built in code
 * for tests and scripts (`defaultServerConfig`). Everything else receives it as a value and never
 * reads `process.env` itself.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import { defaultNotificationConfig, readNotificationConfig } from './notificationConfig';
import type { NotificationConfig } from './notificationConfig';
import { SERVER_VERSION } from './version';
import { DEFAULT_POOL_SIZE, DEFAULT_POOL_TIMEOUT_MS } from '../db/database';
import { defaultDevicePolicy, UPDATE_CHANNELS } from '../../../shared/schemas/devicePolicy';
import type { DevicePolicy } from '../../../shared/schemas/devicePolicy';
import { parseTrustProxy } from './trustProxy';

export interface ServerConfig {
  host: string;
  port: number;
  /** `postgres://…` for PostgreSQL; absent for the embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Connections to PostgreSQL per process (DATABASE_POOL_SIZE; see DEFAULT_POOL_SIZE in db/database.ts). */
  databasePoolSize: number;
  /** Unfinished document uploads idle this long are deleted by a job (INCOMPLETE_UPLOAD_MAX_AGE_DAYS). */
  incompleteUploadMaxAgeMs: number;
  dataDir: string;
  /**
   * Origins allowed to call the API from a browser. An entry may end in `:*` to allow any port of
   * that scheme and host (`http://127.0.0.1:*`).
   */
  corsOrigins: readonly string[];
  seedDemo: boolean;
  /** Service ids a new case may name: the catalogue's. */
  serviceIds: readonly string[];
  sessionTtlMs: number;
  /** How long after an online sign-in the same user may sign in on that device offline. */
  offlineGrantMs: number;
  /** PEM files to serve HTTPS with; both or neither (see server/src/tls/). */
  tlsCertFile: string | undefined;
  tlsKeyFile: string | undefined;
  /** Without a certificate: make (once) and use a self-signed one for localhost, in `dataDir`/../tls. */
  tlsDevCertificate: boolean;
  bodyLimitBytes: number;
  logLevel: 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug';
  version: string;
  /** SMS gateway, progress URL base, background jobs, the bureau's contact details. */
  notifications: NotificationConfig;
  /** Sent to every device: auto-lock, retention of closed cases on laptops, the update feed. */
  devicePolicy: DevicePolicy;
  /**
   * How long a request waits for a free PostgreSQL connection before it is answered 503 with
   * Retry-After (DATABASE_POOL_TIMEOUT_MS).
   */
  databasePoolTimeoutMs: number;
  /**
   * The reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY: addresses, CIDR ranges,
   * `loopback`…; see context/trustProxy.ts). Empty: no proxy, and a forwarded address is not believed.
   */
  trustProxy: readonly string[];
  /**
   * The audit chain's key file (AUDIT_KEY_FILE, made at the first start when absent). Absent in
   * configurations built in code: the process keeps the key it has installed (docs/decisions/0031).
   */
  auditKeyFile: string | undefined;
  /** Where the chain's heads are anchored, one JSON line each (AUDIT_ANCHOR_FILE); absent: no anchors. */
  auditAnchorFile: string | undefined;
  /**
   * The built renderer whose front-office pages (kiosk, hall display, phone page) the server serves
   * (RENDERER_DIR; `npm run build:renderer` writes `<repo>/out/renderer`).
   */
  rendererDir: string;
}

/** `<repo>/out/renderer`, where `npm run build:renderer` puts the build. */
export const defaultRendererDir = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

export const defaultCorsOrigins: readonly string[] = ['app://counterdesk', 'http://127.0.0.1:*', 'http://localhost:*'];

export function defaultServerConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    host: '127.0.0.1',
    port: 8787,
    databaseUrl: undefined,
    databasePoolSize: DEFAULT_POOL_SIZE,
    incompleteUploadMaxAgeMs: 7 * 24 * 60 * 60 * 1000,
    dataDir: '.data/pglite',
    corsOrigins: defaultCorsOrigins,
    seedDemo: false,
    serviceIds: defaultCatalogue.services.map((service) => service.id),
    sessionTtlMs: 8 * 60 * 60 * 1000,
    offlineGrantMs: 7 * 24 * 60 * 60 * 1000,
    tlsCertFile: undefined,
    tlsKeyFile: undefined,
    tlsDevCertificate: false,
    // A push of MAX_PUSH_BATCH full intake records stays well below this.
    bodyLimitBytes: 1024 * 1024,
    logLevel: 'silent',
    version: SERVER_VERSION,
    notifications: defaultNotificationConfig(),
    devicePolicy: defaultDevicePolicy,
    databasePoolTimeoutMs: DEFAULT_POOL_TIMEOUT_MS,
    trustProxy: [],
    auditKeyFile: undefined,
    auditAnchorFile: undefined,
    rendererDir: defaultRendererDir,
    ...overrides,
  };
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(DEFAULT_POOL_SIZE),
  INCOMPLETE_UPLOAD_MAX_AGE_DAYS: z.coerce.number().min(1).max(365).default(7),
  DATA_DIR: z.string().min(1).default('.data/pglite'),
  CORS_ORIGINS: z.string().optional(),
  SEED_DEMO: z.enum(['0', '1', 'true', 'false', '']).optional(),
  LOG_LEVEL: z.enum(['silent', 'fatal', 'error', 'warn', 'info', 'debug']).default('info'),
  OFFLINE_GRANT_DAYS: z.coerce.number().min(0).max(30).default(7),
  TLS_CERT: z.string().optional(),
  TLS_KEY: z.string().optional(),
  TLS_DEV_CERT: z.enum(['0', '1', 'true', 'false', '']).optional(),
  AUTO_LOCK_MINUTES: z.coerce.number().int().min(1).max(240).default(defaultDevicePolicy.autoLockMinutes),
  CLOSED_CASE_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(defaultDevicePolicy.closedCaseRetentionDays),
  UPDATE_CHANNEL: z.enum(UPDATE_CHANNELS).default('latest'),
  UPDATE_URL: z
    .url({ protocol: /^https?$/, error: 'UPDATE_URL must be an http(s) URL' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(DEFAULT_POOL_TIMEOUT_MS),
  TRUST_PROXY: z.string().optional(),
  // The audit key and anchor files: in DATA_DIR/audit unless set (docs/decisions/0031).
  AUDIT_KEY_FILE: z.string().optional(),
  AUDIT_ANCHOR_FILE: z.string().optional(),
  RENDERER_DIR: z.string().min(1).optional().or(z.literal('').transform(() => undefined)),
});

/**
 * Reads PORT, HOST, DATABASE_URL, DATABASE_POOL_SIZE, INCOMPLETE_UPLOAD_MAX_AGE_DAYS, DATA_DIR, CORS_ORIGINS, SEED_DEMO, LOG_LEVEL, OFFLINE_GRANT_DAYS,
 * TLS_CERT, TLS_KEY, TLS_DEV_CERT, AUTO_LOCK_MINUTES, CLOSED_CASE_RETENTION_DAYS, UPDATE_CHANNEL and
 * UPDATE_URL, DATABASE_POOL_TIMEOUT_MS, TRUST_PROXY and RENDERER_DIR; throws naming a bad one.
 */
export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid server configuration: ${problems}`);
  }
  const e = parsed.data;
  if (Boolean(e.TLS_CERT) !== Boolean(e.TLS_KEY)) throw new Error('Invalid server configuration: set both TLS_CERT and TLS_KEY, or neither');
  const corsOrigins = e.CORS_ORIGINS
    ? e.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '')
    : defaultCorsOrigins;
  return defaultServerConfig({
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    incompleteUploadMaxAgeMs: e.INCOMPLETE_UPLOAD_MAX_AGE_DAYS * 24 * 60 * 60 * 1000,
    dataDir: e.DATA_DIR,
    corsOrigins,
    seedDemo: e.SEED_DEMO === '1' || e.SEED_DEMO === 'true',
    logLevel: e.LOG_LEVEL,
    offlineGrantMs: e.OFFLINE_GRANT_DAYS * 24 * 60 * 60 * 1000,
    notifications: readNotificationConfig(env, `http://${e.HOST}:${e.PORT}`),
    devicePolicy: {
      autoLockMinutes: e.AUTO_LOCK_MINUTES,
      closedCaseRetentionDays: e.CLOSED_CASE_RETENTION_DAYS,
      update: e.UPDATE_URL === undefined ? null : { channel: e.UPDATE_CHANNEL, url: e.UPDATE_URL },
    },
    databasePoolTimeoutMs: e.DATABASE_POOL_TIMEOUT_MS,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    auditKeyFile: e.AUDIT_KEY_FILE || join(e.DATA_DIR, 'audit', 'audit.key'),
    auditAnchorFile: e.AUDIT_ANCHOR_FILE || join(e.DATA_DIR, 'audit', 'anchors.jsonl'),
    rendererDir: e.RENDERER_DIR ?? defaultRendererDir,
  });
}

/** True when `origin` matches one of the configured entries (exactly, or by a `:*` port wildcard). */
export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    if (!entry.endsWith(':*')) return entry === origin;
    const prefix = entry.slice(0, -2);
    if (origin === prefix) return true;
    return origin.startsWith(`${prefix}:`) && /^\d{1,5}$/.test(origin.slice(prefix.length + 1));
  });
}
