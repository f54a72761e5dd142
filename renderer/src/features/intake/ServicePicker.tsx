import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Service } from '../../../../shared/domain/catalogue';
import { describeLimit, taxTypeLabel } from '../../../../shared/domain/catalogue';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { FieldError } from '../../lib/FieldError';
import { searchServices } from './serviceSearch';

interface Props {
  services: readonly Service[];
  usage: Readonly<Record<string, number>>;
  selected?: Service;
  error?: Bilingual;
  onSelect: (service: Service | undefined) => void;
  onBlur: () => void;
}

const MAX_SHOWN = 12;

interface OptionsProps {
  listId: string;
  open: boolean;
  shown: readonly Service[];
  activeService: Service | undefined;
  onChoose: (service: Service) => void;
  onHover: (index: number) => void;
}

/** The combobox's popup: each match by id and name in the reader's language, the other language and the tax beneath. */
function ServiceOptions({ listId, open, shown, activeService, onChoose, onHover }: OptionsProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <ul id={listId} role="listbox" aria-label={t('serviceMatches')} className="service-options" hidden={!open}>
      {shown.map((service, index) => (
        <li
          key={service.id}
          id={`${listId}-${service.id}`}
          role="option"
          aria-selected={service === activeService}
          className={service === activeService ? 'active' : undefined}
          onMouseDown={(e) => {
            // Chosen before the input's blur closes the list.
            e.preventDefault();
            onChoose(service);
          }}
          onMouseEnter={() => onHover(index)}
        >
          <span className="mono">{service.id}</span> {locale === 'en' ? service.nameEn : service.nameZh}
          <span className="option-sub">
            {locale === 'en' ? service.nameZh : service.nameEn} · {locale === 'en' ? taxTypeLabel(service.taxType).en : service.taxType}
          </span>
        </li>
      ))}
      {open && shown.length === 0 && (
        <li role="option" aria-selected={false} aria-disabled="true" className="option-none">
          {t('noServiceMatch')}
        </li>
      )}
    </ul>
  );
}

/**
 * The service combobox (WAI-ARIA 1.2 combobox with a listbox popup). Enter picks the highlighted
 * match and lets the form advance; Esc closes the list first, and only a second Esc reaches the form.
 */
export function ServicePicker({ services, usage, selected, error, onSelect, onBlur }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const listId = useId();
  const [query, setQuery] = useState<string>();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const text = query ?? (selected ? `${selected.nameZh} · ${selected.nameEn}` : '');
  const matches = useMemo(() => (query === undefined ? searchServices(services, '', usage) : searchServices(services, query, usage)), [services, query, usage]);
  const shown = matches.slice(0, MAX_SHOWN);
  const activeService = open ? shown[Math.min(active, shown.length - 1)] : undefined;

  function choose(service: Service) {
    onSelect(service);
    setQuery(undefined);
    setOpen(false);
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.altKey || event.ctrlKey) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((a) => Math.min(a + 1, shown.length - 1));
        return;
      case 'ArrowUp':
        event.preventDefault();
        setActive((a) => Math.max(a - 1, 0));
        return;
      case 'Escape':
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          setQuery(undefined);
        }
        return;
      case 'Enter':
        if (open && activeService) {
          choose(activeService);
          return; // the form moves focus on
        }
        if (!selected || query !== undefined) {
          // Nothing chosen yet: stay here rather than leave an empty service behind.
          event.preventDefault();
          event.stopPropagation();
          setOpen(true);
        }
        return;
    }
  }

  return (
    <div className="field service-picker">
      <label htmlFor="intake-serviceId">
        {t('service')}
      </label>
      <input
        id="intake-serviceId"
        autoFocus
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeService ? `${listId}-${activeService.id}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={`intake-serviceId-hint${error ? ' intake-serviceId-error' : ''}`}
        autoComplete="off"
        spellCheck={false}
        value={text}
        data-service-id={selected?.id ?? ''}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
          if (selected) onSelect(undefined);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          onBlur();
        }}
        onFocus={(e) => e.target.select()}
      />
      <p id="intake-serviceId-hint" className="hint small">
        {t('serviceSearchHint')}
      </p>
      <ServiceOptions listId={listId} open={open} shown={shown} activeService={activeService} onChoose={choose} onHover={setActive} />
      <span className="visually-hidden" role="status">
        {open ? (shown.length === 0 ? t('noServiceMatch') : t('servicesFound', { count: matches.length })) : ''}
      </span>
      <FieldError id="intake-serviceId-error" message={error} />
      {selected && (
        <p className="hint">
          {t('limit')}: {locale === 'en' ? describeLimit(selected.limit).en : describeLimit(selected.limit).zh}
          {!selected.verified && <strong className="unverified"> ({t('limitUnverified')})</strong>}
        </p>
      )}
    </div>
  );
}
