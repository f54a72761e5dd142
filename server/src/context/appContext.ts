import type { ServerConfig } from './config';
import type { Database } from '../db/database';

/** What every route needs, handed in by buildApp rather than imported, so tests can vary it. */
export interface AppContext {
  db: Database;
  config: ServerConfig;
  /** The server's clock: the only one rules use. */
  now: () => Date;
  serviceIds: ReadonlySet<string>;
}
