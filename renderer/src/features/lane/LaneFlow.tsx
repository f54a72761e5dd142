import { useEffect, useState } from 'react';
import { getCase } from '../../db/caseStore';
import type { LaneCar } from '../../db/laneStore';
import type { LocalCase } from '../../db/records';
import { useT } from '../../lib/i18n';
import { LaneIntake } from './LaneIntake';
import { LaneRegistered } from './LaneRegistered';

interface Props {
  car: LaneCar;
  carLabel: string;
  /** The case is saved: link it to the car, so that a reload resumes from the documents. */
  onRegistered: (record: LocalCase) => Promise<void>;
  /** The receipt went to the printer: the car leaves the lane. */
  onPrinted: (record: LocalCase) => Promise<void>;
}

/**
 * One car's intake on one screen, in the order it happens at the window: the ID card (scanned by a
 * keyboard-wedge reader, which types the number and Enter, or typed), the service, the documents
 * checklist, then — once the case is registered — the scanned documents, the applicant's signature
 * and the receipt. Each step hands focus to the next, so the common path is the scan, the name for a
 * first-time applicant, one tap per step, and no screen change.
 */
export function LaneFlow({ car, carLabel, onRegistered, onPrinted }: Props) {
  const t = useT();
  const [record, setRecord] = useState<LocalCase>();

  // A car already registered (the window was reloaded) resumes at its documents.
  useEffect(() => {
    if (!car.caseId) return;
    let cancelled = false;
    void getCase(car.caseId).then((found) => {
      if (!cancelled && found) setRecord(found);
    });
    return () => {
      cancelled = true;
    };
  }, [car.caseId]);

  async function registered(saved: LocalCase) {
    await onRegistered(saved);
    setRecord(saved);
    // The next step is the documents: the clerk's next keys land there.
    requestAnimationFrame(() => document.getElementById('lane-step-scan')?.focus());
  }

  return (
    <section className="lane-flow" aria-labelledby="lane-flow-title" data-car={car.id}>
      <h3 id="lane-flow-title">{t('laneServing', { car: carLabel })}</h3>
      {record ? <LaneRegistered record={record} onPrinted={onPrinted} /> : <LaneIntake onRegistered={registered} {...(car.ticket ? { ticket: car.ticket } : {})} />}
    </section>
  );
}
