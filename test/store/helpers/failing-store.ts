/** Import point for other areas' tests: real stores that fail or hang on demand. */
export { FaultyStores, type FaultMode, type StoreMethodPath } from '../../../src/store/faulty.ts';
export { createStores, openStores } from '../../../src/store/open-stores.ts';

import { FaultyStores } from '../../../src/store/faulty.ts';
import { openStores } from '../../../src/store/open-stores.ts';

/** Fresh in-memory stores wrapped for fault injection. */
export async function openFaultyMemoryStores(): Promise<FaultyStores> {
  return new FaultyStores(await openStores('sqlite://:memory:'));
}
