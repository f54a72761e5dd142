import type { CatalogueEditing } from '../../../../shared/schemas/catalogueEditor';
import { useT } from '../../lib/i18n';
import type { EditorStatus } from './useCatalogueEditor';

/** What is being edited (a draft, by whom, since when, or the published version), what is under way, and what was refused and why. */
export function CatalogueStatus({ editing, status }: { editing: CatalogueEditing | undefined; status: EditorStatus }) {
  const t = useT();
  const draft = editing?.draft;
  return (
    <>
      {editing && (
        <p data-testid="catalogue-draft-line">
          {draft
            ? t('catEdit.draftLine', { by: draft.editedBy, at: new Date(draft.editedAt).toLocaleString('zh-TW'), version: editing.publishedVersion })
            : t('catEdit.publishedLine', { version: editing.publishedVersion })}
        </p>
      )}
      <p role="status" data-testid="catalogue-status">
        {status.kind === 'loading' || status.kind === 'saving' || status.kind === 'importing' || status.kind === 'publishing' ? t(`catEdit.${status.kind}`) : ''}
        {status.kind === 'saved' && t('catEdit.savedDraft')}
        {status.kind === 'published' && t('catEdit.published', { version: status.version })}
      </p>
      {status.kind === 'failed' && (
        <div role="alert" className="error">
          <p>{status.text}</p>
          {status.issues.length > 0 && (
            <ul data-testid="catalogue-problems">
              {status.issues.map((issue, index) => (
                <li key={index}>
                  {/^row \d+$/.test(issue.path) ? t('catEdit.row', { n: issue.path.slice(4) }) : issue.path}: {issue.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
