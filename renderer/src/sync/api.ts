import { z } from 'zod';
import { REQUEST_ID_HEADER } from '../../../shared/http/requestId';
import { errorBodySchema, type ErrorCode, type ErrorFacts } from '../../../shared/http/errors';

/**
 * Calls to the central server. Every response body is parsed with the shared schema before use; a
 * network failure is told apart from the server's refusal so that sync knows whether to retry.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'bad_response',
    message: string,
    /** What the server's error body says besides code and message (shared/http/errors.ts). */
    readonly facts: ErrorFacts = {},
    /** The server's id of the request (its `x-request-id`), for IT to find it in the server's log. */
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

export interface ApiOptions {
  serverUrl: string;
  token?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** Bytes sent as they are: a whole buffer or a view of one (a bundle filled into a reused buffer). */
function binaryBody(body: unknown): ArrayBuffer | Uint8Array<ArrayBuffer> | undefined {
  if (body instanceof ArrayBuffer) return body;
  if (body instanceof Uint8Array && body.buffer instanceof ArrayBuffer) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return undefined;
}

/** The typed error of a refused request, read from the body every server error carries. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const json: unknown = await response.json().catch(() => undefined);
  const parsed = errorBodySchema.safeParse(json);
  const requestId = requestIdSchema.safeParse(response.headers.get(REQUEST_ID_HEADER)).data;
  if (parsed.success) {
    const { code, message, ...facts } = parsed.data.error;
    return new ApiError(response.status, code, message, facts, requestId);
  }
  return new ApiError(response.status, response.status >= 500 ? 'internal_error' : 'bad_response', `HTTP ${response.status}`, {}, requestId);
}

/** A request id as the device keeps and shows it: a short token, nothing else. */
const requestIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/);

export async function apiRequest<S extends z.ZodType>(
  options: ApiOptions,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  responseSchema: S,
  /** JSON, or bytes sent as they are (a document). */
  body?: unknown,
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { ...options.headers };
  const binary = binaryBody(body);
  if (body !== undefined) headers['content-type'] = binary ? 'application/octet-stream' : 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(new URL(path, options.serverUrl), {
      method,
      headers,
      body: binary ?? (body === undefined ? undefined : JSON.stringify(body)),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await apiErrorOf(response);
  const json: unknown = await response.json().catch(() => undefined);
  const parsed = responseSchema.safeParse(json);
  if (!parsed.success) throw new ApiError(response.status, 'bad_response', `unexpected response from ${path}: ${parsed.error.message}`);
  return parsed.data;
}
