import { formatText } from './documentMessages';
import { formatBytes, type StorageBudget } from './storageBudget';
import { BilingualMessage } from './BilingualMessage';

/** Space used and left on this device; the warning shows before any capture when space runs low. */
export function StorageMeter({ budget }: { budget: StorageBudget | undefined }) {
  if (!budget) return <p className="storage-meter">儲存空間：未知 · Storage: unknown</p>;
  const percent = Math.round(budget.usedFraction * 100);
  return (
    <div className="storage-meter">
      <label>
        本機儲存空間 Local storage{' '}
        <meter min={0} max={1} value={budget.usedFraction} high={0.9} aria-label="storage-used">
          {percent}%
        </meter>
      </label>{' '}
      <span data-testid="storage-figures">
        已用 used {formatBytes(budget.usedBytes)} · 剩餘 left {formatBytes(budget.leftBytes)}
      </span>
      {budget.refusedAt ? (
        <BilingualMessage tone="warning" text={formatText('storageRefused')} />
      ) : (
        budget.low && <BilingualMessage tone="warning" text={formatText('storageLow', { left: formatBytes(budget.leftBytes) })} />
      )}
    </div>
  );
}
