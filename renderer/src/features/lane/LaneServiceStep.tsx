import type { KeyboardEvent } from 'react';
import { describeLimit, type Service } from '../../../../shared/domain/catalogue';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { FieldError } from '../../lib/FieldError';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';

/** Digits 1–9 pick a tile; the lane's list is short by rule (decision 0002), so every match is shown. */
const NUMBERED_TILES = 9;

interface Props {
  query: string;
  onQuery: (query: string) => void;
  /** The services matching the query, most used first. */
  tiles: readonly Service[];
  service?: Service;
  error?: Bilingual;
  onChoose: (service: Service) => void;
  onChangeService: () => void;
}

/** The lane's service step: a filter, numbered tiles (1–9, Enter for the first), and the service chosen. */
export function LaneServiceStep({ query, onQuery, tiles, service, error, onChoose, onChangeService }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const limit = service ? describeLimit(service.limit) : undefined;

  function onFilterKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const digit = Number(event.key);
    const byNumber = Number.isInteger(digit) && digit >= 1 && digit <= NUMBERED_TILES ? tiles[digit - 1] : undefined;
    if (byNumber) {
      event.preventDefault();
      onChoose(byNumber);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (tiles[0]) onChoose(tiles[0]);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      document.querySelector<HTMLButtonElement>('.lane-tiles button')?.focus();
    }
  }

  return (
    <fieldset className="lane-step">
      <legend>{t('laneStepService')}</legend>
      <div className="field">
        <label htmlFor="lane-service-filter">{t('laneServiceFilter')}</label>
        <input
          id="lane-service-filter"
          value={query}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`lane-service-hint${error ? ' lane-serviceId-error' : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={onFilterKeyDown}
        />
        <p id="lane-service-hint" className="hint small">
          {t('laneServiceHint')}
        </p>
        <FieldError id="lane-serviceId-error" message={error} />
      </div>
      {service && query === '' ? null : tiles.length === 0 ? (
        <p role="status">{t('laneServiceNone')}</p>
      ) : (
        <ul className="lane-tiles" aria-label={t('service')}>
          {tiles.map((option, index) => (
            <li key={option.id}>
              <button type="button" className="lane-tile" aria-pressed={option.id === service?.id} data-service-id={option.id} onClick={() => onChoose(option)}>
                {index < NUMBERED_TILES && <kbd>{index + 1}</kbd>} <span lang="zh-Hant-TW">{option.nameZh}</span>
                <span className="lane-tile-sub" lang="en">
                  {option.nameEn}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {service && limit && (
        <div className="lane-chosen">
          <p data-testid="lane-service-chosen">
            {t('service')}: <strong>{locale === 'en' ? service.nameEn : service.nameZh}</strong> · {t('limit')}: {locale === 'en' ? limit.en : limit.zh}
          </p>
          <button type="button" className="lane-big" onClick={onChangeService}>
            {t('laneChangeService')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
