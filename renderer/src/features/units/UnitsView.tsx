import { useState } from 'react';
import type { Unit } from '../../../../shared/schemas/unit';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import type { ApiOptions } from '../../sync/api';
import { NewUnitForm } from './NewUnitForm';
import { UnitPanel } from './UnitPanel';
import { useUnits } from './useUnits';

/**
 * 單位與人員 Units and staff: the administrator keeps the handling units and who holds which position
 * in them (docs/decisions/0027-case-desk.md). Online only; every change is made and audited by the server.
 */
export function UnitsView({ api }: { api: ApiOptions }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { directory, users, loading, offline, error, reload } = useUnits(api);
  const [selected, setSelected] = useState<string>();
  const [messages, setMessages] = useState<string[]>([]);

  const nameOf = (unit: Unit) => (locale === 'en' ? unit.nameEn : unit.nameZh);
  const say = (message: string) => setMessages((current) => [message, ...current].slice(0, 5));
  const changed = (message: string) => {
    say(message);
    void reload();
  };
  const units = directory?.units ?? [];
  const members = directory?.members ?? [];
  const open = units.find((unit) => unit.code === selected);

  return (
    <section className="units" aria-labelledby="units-heading" aria-busy={loading}>
      <h2 id="units-heading">{t('unit.tab')}</h2>
      <p>{t('unit.intro')}</p>
      <button type="button" onClick={() => void reload()} disabled={loading}>
        {loading ? t('unit.loading') : t('unit.refresh')}
      </button>
      {offline && <p role="alert">{t('unit.offline')}</p>}
      {error && <p role="alert">{error}</p>}
      <div role="status" aria-live="polite">
        {messages.map((message, index) => (
          <p key={`${index}-${message}`}>{message}</p>
        ))}
      </div>
      <table className="report-table">
        <caption>{t('unit.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('unit.nameZh')}</th>
            <th scope="col">{t('unit.nameEn')}</th>
            <th scope="col">{t('unit.code')}</th>
            <th scope="col">{t('unit.staff')}</th>
            <th scope="col">{t('unit.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.code} aria-current={unit.code === selected ? 'true' : undefined}>
              <th scope="row" lang="zh-Hant-TW">
                {unit.nameZh}
              </th>
              <td lang="en">{unit.nameEn}</td>
              <td>{unit.code}</td>
              <td>{members.filter((member) => member.unit === unit.code).length}</td>
              <td>
                <button type="button" onClick={() => setSelected(unit.code)}>
                  {t('unit.manage', { name: nameOf(unit) })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && (
        <UnitPanel
          key={open.code}
          api={api}
          unit={open}
          unitName={nameOf(open)}
          members={members.filter((member) => member.unit === open.code)}
          users={users}
          onChanged={changed}
        />
      )}
      <NewUnitForm
        api={api}
        onAdded={(unit) => {
          say(t('unit.added', { name: nameOf(unit) }));
          void reload().then(() => setSelected(unit.code));
        }}
      />
    </section>
  );
}
