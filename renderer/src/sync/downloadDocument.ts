import { PROTOCOL_HEADER, PROTOCOL_VERSION, documentReadPath, type CaseDocument } from '../../../shared/sync/protocol';
import { DocumentMismatchError, verifyDocumentBytes, type VerifiedDocumentBytes } from '../db/documentStore';
import { NetworkError, apiErrorOf, type ApiOptions } from './api';

/**
 * Fetches one document of a case from the server, on demand (decision 0018): streamed, so that the
 * caller can show the bytes received against the size the case lists, and verified against the
 * document's SHA-256 before anything may store it.
 *
 * Invariants:
 * - The size the case lists is the truth: more bytes than that stop the download at once, fewer fail
 *   it; either is a `DocumentMismatchError`, as are bytes that do not hash to the document's address.
 * - A connection that breaks or stalls (no byte for `stallTimeoutMs`) is a `NetworkError`; the server's
 *   refusal is an `ApiError`. Nothing is returned then, so nothing can be stored.
 */

export interface DownloadProgress {
  received: number;
  total: number;
}

export interface DownloadOptions {
  onProgress?: (progress: DownloadProgress) => void;
  /** The caller gave up (the screen closed): the fetch is cancelled and its AbortError thrown. */
  signal?: AbortSignal;
  stallTimeoutMs?: number;
}

const DEFAULT_STALL_TIMEOUT_MS = 30_000;

export async function downloadDocument(
  api: ApiOptions,
  caseId: string,
  document: Pick<CaseDocument, 'sha256' | 'size'>,
  options: DownloadOptions = {},
): Promise<VerifiedDocumentBytes> {
  const total = document.size;
  const stall = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stall.signal]) : stall.signal;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const armStallTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stall.abort(new NetworkError('the download stalled')), options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS);
  };
  // A failure of ours (stall) becomes a NetworkError; the caller's own abort goes through unchanged.
  const failure = (error: unknown): unknown => {
    if (options.signal?.aborted) return options.signal.reason;
    if (stall.signal.aborted) return stall.signal.reason;
    return error instanceof DocumentMismatchError ? error : new NetworkError(error instanceof Error ? error.message : String(error));
  };
  armStallTimer();
  try {
    let response: Response;
    try {
      response = await fetch(new URL(documentReadPath(document.sha256, caseId), api.serverUrl), {
        headers: { ...api.headers, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...(api.token ? { authorization: `Bearer ${api.token}` } : {}) },
        signal,
      });
    } catch (error) {
      throw failure(error);
    }
    if (!response.ok) throw await apiErrorOf(response);
    const bytes = await readBody(response, total, document.sha256, (received) => {
      armStallTimer();
      options.onProgress?.({ received, total });
    }).catch((error: unknown) => {
      throw failure(error);
    });
    return await verifyDocumentBytes(bytes, document.sha256);
  } finally {
    clearTimeout(timer);
  }
}

/** The body into one buffer of the listed size, reporting the bytes received after each piece. */
async function readBody(response: Response, total: number, sha256: string, onPiece: (received: number) => void): Promise<ArrayBuffer> {
  const buffer = new Uint8Array(total);
  let received = 0;
  onPiece(0);
  if (!response.body) throw new NetworkError('the server sent no body');
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received + value.byteLength > total) {
      await reader.cancel().catch(() => undefined);
      throw new DocumentMismatchError(sha256, `the server sent more than the ${total} bytes the case lists`);
    }
    buffer.set(value, received);
    received += value.byteLength;
    onPiece(received);
  }
  if (received !== total) throw new DocumentMismatchError(sha256, `${received} of the ${total} bytes the case lists arrived`);
  return buffer.buffer;
}
