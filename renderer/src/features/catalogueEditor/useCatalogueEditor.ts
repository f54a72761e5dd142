import { useEffect, useState } from 'react';
import type { Service } from '../../../../shared/domain/catalogue';
import type { CatalogueEditing, CataloguePreview } from '../../../../shared/schemas/catalogueEditor';
import { useDescribeError } from '../../lib/errorText';
import { currentDeviceHeaders } from '../../state/sessionState';
import { ApiError } from '../../sync/api';
import type { ApiOptions } from '../../sync/api';
import { discardDraft, exportFile, fetchEditing, fetchPreview, importBody, importFile, publishDraft, saveDraft } from './catalogueEditorApi';

export type EditorStatus =
  | { kind: 'loading' | 'ready' | 'saving' | 'importing' | 'publishing' }
  | { kind: 'saved' }
  | { kind: 'published'; version: string }
  | { kind: 'failed'; text: string; issues: { path: string; message: string }[] };

/**
 * The catalogue being edited (the server's draft, or the published version), and each step on it: save a
 * service into the draft, import a file, preview, publish, export. A refusal is kept with the server's
 * list of problems (an import's bad rows by number) so it can be read beside the work, which stays.
 */
export function useCatalogueEditor(api: ApiOptions) {
  const describeError = useDescribeError();
  const [editing, setEditing] = useState<CatalogueEditing>();
  const [preview, setPreview] = useState<CataloguePreview>();
  const [status, setStatus] = useState<EditorStatus>({ kind: 'loading' });
  const { serverUrl, token } = api;
  const options = () => ({ serverUrl, token, headers: currentDeviceHeaders() });
  const fail = (error: unknown) =>
    setStatus({ kind: 'failed', text: describeError(error), issues: error instanceof ApiError ? (error.facts.issues ?? []) : [] });

  useEffect(() => {
    let cancelled = false;
    void fetchEditing({ serverUrl, token, headers: currentDeviceHeaders() }).then(
      (answer) => {
        if (cancelled) return;
        setEditing(answer);
        setStatus({ kind: 'ready' });
      },
      (error: unknown) => !cancelled && setStatus({ kind: 'failed', text: describeError(error), issues: [] }),
    );
    return () => {
      cancelled = true;
    };
  }, [serverUrl, token, describeError]);

  async function run(kind: 'saving' | 'importing' | 'publishing', step: () => Promise<EditorStatus>): Promise<boolean> {
    setStatus({ kind });
    try {
      setStatus(await step());
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  }

  /** Puts `service` in the draft in place of `replacing` (a new service when undefined) and saves the draft. */
  const saveService = (service: Service, replacing: string | undefined) =>
    run('saving', async () => {
      if (!editing) throw new Error('not loaded');
      const services = replacing === undefined ? [...editing.catalogue.services, service] : editing.catalogue.services.map((s) => (s.id === replacing ? service : s));
      setEditing(await saveDraft(options(), { ...editing.catalogue, services }));
      setPreview(undefined);
      return { kind: 'saved' };
    });

  const importChosen = (file: File) =>
    run('importing', async () => {
      setEditing(await importFile(options(), await importBody(file)));
      setPreview(undefined);
      return { kind: 'saved' };
    });

  const showPreview = () =>
    run('saving', async () => {
      setPreview(await fetchPreview(options()));
      return { kind: 'ready' };
    });

  const publish = () =>
    run('publishing', async () => {
      const { version } = await publishDraft(options());
      setEditing(await fetchEditing(options()));
      setPreview(undefined);
      return { kind: 'published', version };
    });

  const discard = () =>
    run('saving', async () => {
      setEditing(await discardDraft(options()));
      setPreview(undefined);
      return { kind: 'ready' };
    });

  const download = (format: 'xlsx' | 'csv') =>
    run('saving', async () => {
      await exportFile(options(), format, editing?.catalogue.version ?? 'draft');
      return { kind: 'ready' };
    });

  return { editing, preview, status, saveService, importChosen, showPreview, publish, discard, download };
}
