import { useRef, useState } from 'react';
import { useT } from '../../lib/i18n';
import { useFunctionKeys } from '../../lib/shortcuts';
import { KnowledgePanel } from './KnowledgePanel';

/**
 * F1 (help, free on every case-working screen: the queue uses F2–F8, the screens Alt letters) opens the
 * procedure panel of the service being taken; F1 again goes back to its search. Closing puts focus back
 * where the clerk was typing, so the intake goes on from the same field.
 */
export function KnowledgeKey({ serviceId }: { serviceId?: string | undefined }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const returnTo = useRef<HTMLElement | null>(null);

  function show() {
    if (open) {
      document.getElementById('knowledge-search')?.focus();
      return;
    }
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
  }

  function close() {
    setOpen(false);
    requestAnimationFrame(() => returnTo.current?.focus());
  }

  useFunctionKeys({ F1: show });

  return open ? (
    <KnowledgePanel serviceId={serviceId} onClose={close} />
  ) : (
    <button type="button" className="link-button knowledge-open" aria-keyshortcuts="F1" onClick={show}>
      {t('knowledge.key')}
    </button>
  );
}
