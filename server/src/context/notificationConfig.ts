/**
 * The configuration of notifications, the background jobs and the bureau's contact details, read
 * from the environment with the rest of the server's configuration (config.ts):
 *
 *   PUBLIC_BASE_URL          base of the progress URL in SMS (default: the server's own URL)
 *   SMS_GATEWAY_URL          the gateway's message endpoint; unset = messages wait in the outbox
 *   SMS_GATEWAY_TOKEN        bearer credentials for the gateway
 *   SMS_GATEWAY_TIMEOUT_MS   per request (default 10000)
 *   JOBS                     0 to run no background job in this process (several servers: run them on one)
 *   SMS_SEND_INTERVAL_MS     how often the sender looks for due messages (default 15000)
 *   DEADLINE_WATCH_INTERVAL_MS  how often the deadline watcher runs (default 600000)
 *   BUREAU_PHONE, BUREAU_ADDRESS_ZH, BUREAU_ADDRESS_EN, BUREAU_HOURS_ZH, BUREAU_HOURS_EN
 */
import { z } from 'zod';
import { MAX_PUBLIC_BASE_URL_LENGTH } from '../notifications/smsMessages';

export interface BureauContact {
  phone: string;
  addressZh: string;
  addressEn: string;
  hoursZh: string;
  hoursEn: string;
}

export interface NotificationConfig {
  publicBaseUrl: string;
  smsGateway: { url: string | undefined; token: string; timeoutMs: number };
  jobs: { enabled: boolean; sendIntervalMs: number; deadlineWatchIntervalMs: number };
  bureau: BureauContact;
}

/** From the bureau's published directory; each is overridable by the environment. */
export const defaultBureauContact: BureauContact = {
  phone: '(02) 2433-1888',
  addressZh: '20402 基隆市安樂區安樂路二段162號',
  addressEn: 'No. 162, Sec. 2, Anle Rd., Anle Dist., Keelung City 20402',
  hoursZh: '週一至週五 8:30–17:30（國定假日除外）',
  hoursEn: 'Mon–Fri 8:30–17:30, except public holidays',
};

/** For code-built configurations (tests, scripts): no gateway and no background jobs. */
export function defaultNotificationConfig(overrides: Partial<NotificationConfig> = {}): NotificationConfig {
  return {
    publicBaseUrl: 'http://127.0.0.1:8787',
    smsGateway: { url: undefined, token: '', timeoutMs: 10_000 },
    jobs: { enabled: false, sendIntervalMs: 15_000, deadlineWatchIntervalMs: 10 * 60 * 1000 },
    bureau: defaultBureauContact,
    ...overrides,
  };
}

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional().or(z.literal('').transform(() => undefined));

const envSchema = z.object({
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .max(MAX_PUBLIC_BASE_URL_LENGTH, `PUBLIC_BASE_URL must be at most ${MAX_PUBLIC_BASE_URL_LENGTH} characters, so that an SMS fits in two parts`)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional().or(z.literal('').transform(() => undefined)),
  SMS_GATEWAY_TOKEN: z.string().max(500).default(''),
  SMS_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  JOBS: z.enum(['0', '1', 'true', 'false', '']).optional(),
  SMS_SEND_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(15_000),
  DEADLINE_WATCH_INTERVAL_MS: z.coerce.number().int().min(10_000).max(86_400_000).default(600_000),
  BUREAU_PHONE: optionalText(40),
  BUREAU_ADDRESS_ZH: optionalText(200),
  BUREAU_ADDRESS_EN: optionalText(200),
  BUREAU_HOURS_ZH: optionalText(200),
  BUREAU_HOURS_EN: optionalText(200),
});

/** Reads the variables above; `serverUrl` is the default PUBLIC_BASE_URL. Throws naming a bad one. */
export function readNotificationConfig(env: Record<string, string | undefined>, serverUrl: string): NotificationConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid server configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? serverUrl).replace(/\/+$/, ''),
    smsGateway: { url: e.SMS_GATEWAY_URL, token: e.SMS_GATEWAY_TOKEN, timeoutMs: e.SMS_GATEWAY_TIMEOUT_MS },
    jobs: { enabled: !(e.JOBS === '0' || e.JOBS === 'false'), sendIntervalMs: e.SMS_SEND_INTERVAL_MS, deadlineWatchIntervalMs: e.DEADLINE_WATCH_INTERVAL_MS },
    bureau: {
      phone: e.BUREAU_PHONE ?? defaultBureauContact.phone,
      addressZh: e.BUREAU_ADDRESS_ZH ?? defaultBureauContact.addressZh,
      addressEn: e.BUREAU_ADDRESS_EN ?? defaultBureauContact.addressEn,
      hoursZh: e.BUREAU_HOURS_ZH ?? defaultBureauContact.hoursZh,
      hoursEn: e.BUREAU_HOURS_EN ?? defaultBureauContact.hoursEn,
    },
  };
}
