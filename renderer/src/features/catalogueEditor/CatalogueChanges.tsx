import type { CataloguePreview } from '../../../../shared/schemas/catalogueEditor';
import { useT } from '../../lib/i18n';

/** A value of a changed field as people read it: text as it is, anything else as compact JSON. */
function shown(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The draft's changes against the published version: services added, removed, and each changed field, before and after. */
export function CatalogueChanges({ preview }: { preview: CataloguePreview }) {
  const t = useT();
  const { added, removed, changed, commonChanged } = preview.diff;
  const none = added.length === 0 && removed.length === 0 && changed.length === 0 && !commonChanged;
  return (
    <section aria-labelledby="cat-edit-changes-title" data-testid="catalogue-changes">
      <h3 id="cat-edit-changes-title">{t('catEdit.changesTitle', { version: preview.publishedVersion })}</h3>
      {none && <p>{t('catEdit.noChanges')}</p>}
      {added.length > 0 && <p>{t('catEdit.added', { list: added.map((s) => `${s.id} ${s.nameZh}`).join('、') })}</p>}
      {removed.length > 0 && <p>{t('catEdit.removed', { list: removed.map((s) => `${s.id} ${s.nameZh}`).join('、') })}</p>}
      {commonChanged && <p>{t('catEdit.commonChanged')}</p>}
      {changed.map((service) => (
        <table key={service.id} className="cat-edit-diff">
          <caption>
            {service.id} {service.nameZh}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('catEdit.field')}</th>
              <th scope="col">{t('catEdit.before')}</th>
              <th scope="col">{t('catEdit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {service.fields.map((change) => (
              <tr key={change.field}>
                <th scope="row">{change.field}</th>
                <td>{shown(change.before)}</td>
                <td>{shown(change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
