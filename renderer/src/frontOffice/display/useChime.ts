import { useEffect, useMemo, useState } from 'react';
import { createChime, type Chime } from './chime';

/** The chime, and whether the browser lets it sound yet (the "enable sound" button shows until it does). */
export function useChime(): { chime: Chime; enabled: boolean } {
  const chime = useMemo(() => createChime(), []);
  const [enabled, setEnabled] = useState(chime.enabled);
  useEffect(() => chime.onChange(() => setEnabled(chime.enabled)), [chime]);
  return { chime, enabled };
}
