import { useRef, useState, type FormEvent } from 'react';
import { useT } from '../../lib/i18n';
import { useAltShortcuts } from '../../lib/shortcuts';
import type { ApiOptions } from '../../sync/api';
import { CatalogueChanges } from './CatalogueChanges';
import { CatalogueStatus } from './CatalogueStatus';
import { ServiceEditForm } from './ServiceEditForm';
import { blankForm, formOf, searchServices, serviceOf, type FormErrors, type ServiceForm } from './serviceForm';
import { useCatalogueEditor } from './useCatalogueEditor';
import './catalogueEditor.css';

/**
 * The supervisor's catalogue editor: the services with a search, one service's form (Alt+S saves it into
 * the draft), the draft's changes against the published version (Alt+P), publishing after a confirmation,
 * and the catalogue as XLSX/CSV out and in. A field the catalogue cannot take says why beside it and
 * keeps what was typed; nothing reaches devices before it is published.
 */
export function CatalogueEditorView({ api }: { api: ApiOptions }) {
  const t = useT();
  const editor = useCatalogueEditor(api);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | undefined>();
  const [form, setForm] = useState<ServiceForm>();
  const [errors, setErrors] = useState<FormErrors>({});
  const [confirming, setConfirming] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const services = editor.editing?.catalogue.services ?? [];
  const busy = ['loading', 'saving', 'importing', 'publishing'].includes(editor.status.kind);

  function choose(id: string | undefined) {
    const service = services.find((s) => s.id === id);
    setChosen(id);
    setForm(service ? formOf(service) : blankForm());
    setErrors({});
  }

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (!form || busy) return;
    const checked = serviceOf(form, services.find((s) => s.id === chosen));
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
      return;
    }
    if (await editor.saveService(checked.service, chosen)) setChosen(checked.service.id);
  }

  useAltShortcuts({ s: form ? () => formRef.current?.requestSubmit() : undefined, p: () => void editor.showPreview() });
  const found = searchServices(services, query);

  return (
    <section className="catalogue-editor" aria-labelledby="cat-edit-title">
      <h2 id="cat-edit-title">{t('catEdit.title')}</h2>
      <CatalogueStatus editing={editor.editing} status={editor.status} />
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void editor.download('xlsx')}>{t('catEdit.exportXlsx')}</button>
        <button type="button" disabled={busy} onClick={() => void editor.download('csv')}>{t('catEdit.exportCsv')}</button>
        <label className="button-like">
          {t('catEdit.import')}
          <input ref={fileRef} type="file" accept=".xlsx,.csv" disabled={busy} className="visually-hidden" onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void editor.importChosen(file);
            event.target.value = '';
          }} />
        </label>
        <button type="button" disabled={busy} onClick={() => void editor.showPreview()} aria-keyshortcuts="Alt+P">{t('catEdit.preview')} <kbd>Alt+P</kbd></button>
        {editor.editing?.draft && <button type="button" disabled={busy} onClick={() => void editor.discard()}>{t('catEdit.discard')}</button>}
        <button type="button" disabled={busy || !editor.editing?.draft} onClick={() => setConfirming(true)}>{t('catEdit.publish')}</button>
      </div>
      {confirming && (
        <div role="alertdialog" aria-labelledby="cat-edit-confirm" className="notice-line">
          <p id="cat-edit-confirm">{t('catEdit.confirmPublish')}</p>
          <button type="button" autoFocus onClick={() => { setConfirming(false); void editor.publish(); }}>{t('catEdit.confirmYes')}</button>
          <button type="button" onClick={() => setConfirming(false)}>{t('catEdit.confirmNo')}</button>
        </div>
      )}
      {editor.preview && <CatalogueChanges preview={editor.preview} />}
      <div className="cat-edit-columns">
        <div className="cat-edit-list">
          <label htmlFor="cat-edit-search">{t('catEdit.search')}</label>
          <input id="cat-edit-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
          <p className="hint small" role="status">{t('catEdit.found', { n: found.length, total: services.length })}</p>
          <ul aria-label={t('catEdit.services')}>
            {found.map((service) => (
              <li key={service.id}>
                <button type="button" aria-pressed={chosen === service.id} onClick={() => choose(service.id)}>
                  <span className="mono">{service.id}</span> {service.nameZh}{!service.verified && ` (${t('catEdit.unverified')})`}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => choose(undefined)}>{t('catEdit.newService')}</button>
        </div>
        {form && (
          <form ref={formRef} noValidate onSubmit={(event) => void save(event)} aria-label={t('catEdit.formLabel')} aria-busy={busy}>
            <ServiceEditForm form={form} errors={errors} onChange={setForm} />
            <button type="submit" disabled={busy} aria-keyshortcuts="Alt+S">{t('catEdit.saveService')} <kbd>Alt+S</kbd></button>
          </form>
        )}
      </div>
    </section>
  );
}
