import { BothLanguages } from '../../lib/BothLanguages';
import { translateBoth } from '../../lib/i18n';
import { useStoragePersistence } from '../../state/storagePersistence';

/**
 * For IT, on the device screen: the browser engine refused (or cannot give) persistent storage, so it
 * may evict the device's data, unsynced work included, when the disk runs short. Nothing when granted.
 */
export function StoragePersistenceNote() {
  const state = useStoragePersistence((s) => s.state);
  if (state === undefined || state === 'granted') return null;
  return (
    <section aria-labelledby="storage-persist-title" className="storage-persist-note">
      <h3 id="storage-persist-title">
        <BothLanguages text={translateBoth('device.storageTitle')} />
      </h3>
      <p role="status">
        <BothLanguages text={translateBoth(state === 'denied' ? 'device.storageDenied' : 'device.storageUnsupported')} />
      </p>
    </section>
  );
}
