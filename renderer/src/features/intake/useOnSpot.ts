import { useState } from 'react';
import type { Service } from '../../../../shared/domain/catalogue';
import type { Channel, ChecklistState } from '../../../../shared/schemas/case';
import { useAltShortcuts } from '../../lib/shortcuts';
import { useT } from '../../lib/i18n';
import { closesOnSpot, onSpotRefusal } from './onSpot';
import type { OnSpotAction } from './SaveBar';

/**
 * "Done" on an intake form (the counter's, the lane's): offered for a same-day service where the
 * applicant is there, on its button and Alt+F; a refusal (a document still missing) is said next to
 * the button and nothing is saved.
 */
export function useOnSpot(service: Service | undefined, channel: Channel, states: readonly ChecklistState[], save: (done: boolean) => void) {
  const t = useT();
  const [error, setError] = useState<string>();
  const offered = closesOnSpot(service, channel);
  useAltShortcuts({ f: offered ? () => save(true) : undefined });
  return {
    offered,
    /** Clears the last refusal; answers whether this save may go on (Done refused says why next to its button). */
    allows(done: boolean): boolean {
      setError(undefined);
      const refusal = done ? onSpotRefusal(states.map((state) => ({ state }))) : undefined;
      if (refusal) setError(t(refusal));
      return refusal === undefined;
    },
    /** The SaveBar's Done, when offered. */
    action: offered ? ({ onDone: () => save(true), ...(error ? { error } : {}) } satisfies OnSpotAction) : undefined,
  };
}
