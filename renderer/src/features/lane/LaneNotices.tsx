import { BothLanguages } from '../../lib/BothLanguages';
import { translateBoth } from '../../lib/i18n';

/**
 * The lane's lines above its two columns: that the queue is away and this computer's own list is used
 * (both languages: the clerk and the driver may read it), what just happened, and what failed.
 */
export function LaneNotices({ offline, notice, error }: { offline: boolean; notice: string | undefined; error: string | undefined }) {
  return (
    <>
      {offline && (
        <p className="lane-offline" role="status" data-testid="lane-offline">
          <BothLanguages text={translateBoth('laneQueueOffline')} />
        </p>
      )}
      {notice && (
        <p className="lane-notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
