import { useMemo, useState } from 'react';
import { officerQueue, unitQueue } from '../../db/deskIndex';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { useSession } from '../../state/sessionState';
import { BureauCaseForm } from '../intake/BureauCaseForm';
import { DeskFilters, type DeskFilterValues } from './DeskFilters';
import { DeskList } from './DeskList';
import { unitName } from './unitName';

/**
 * The officer's desk (承辦桌): the open cases the signed-in officer holds, and the open cases nobody
 * holds yet in the units the officer works in, each list fewest working days left first, under one set
 * of filters. A row opens the case, where its desk steps are (CaseSteps). A case the bureau opens
 * itself (主動立案) starts here too, in the same form as on the supervisor's screen.
 */
export function DeskView({ onOpen, onCaseSaved }: { onOpen: (caseId: string) => void; onCaseSaved: () => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const username = useSession((s) => s.session?.user.username ?? '');
  const memberships = useSession((s) => s.session?.user.units);
  const [filters, setFilters] = useState<DeskFilterValues>({ text: '', status: '', serviceId: '' });
  const mine = useMemo(() => [officerQueue(username)], [username]);
  const units = useMemo(() => [...new Set((memberships ?? []).map((membership) => membership.unit))], [memberships]);
  const unitQueues = useMemo(() => units.map(unitQueue), [units]);
  const [opening, setOpening] = useState(false);

  if (opening) {
    return <BureauCaseForm closeLabel={t('bureau.backToDesk')} onSaved={onCaseSaved} onClose={() => setOpening(false)} />;
  }
  return (
    <section className="desk" aria-labelledby="desk-title">
      <h2 id="desk-title">{t('desk.title')}</h2>
      <button type="button" onClick={() => setOpening(true)}>
        {t('bureau.open')}
      </button>
      <DeskFilters filters={filters} onChange={(change) => setFilters((current) => ({ ...current, ...change }))} />
      <DeskList id="desk-mine" title={t('desk.mine')} queues={mine} filters={filters} onOpen={onOpen} />
      {units.length > 0 ? (
        <DeskList
          id="desk-unassigned"
          title={t('desk.unassigned')}
          note={t('desk.units', { units: units.map((unit) => unitName(unit, t)).join(locale === 'en' ? ', ' : '、') })}
          queues={unitQueues}
          filters={filters}
          onOpen={onOpen}
        />
      ) : (
        <p className="hint">{t('desk.noUnits')}</p>
      )}
    </section>
  );
}
