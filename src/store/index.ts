export { openStores, createStores } from './open-stores.ts';
export { openBackend, DEFAULT_STORE_URL, DEFAULT_NAMESPACE, DEFAULT_TIMEOUT_MS, type OpenOptions } from './backends.ts';
export type { KeyValue } from './key-value.ts';
export type { Backend, NativeStructures } from './structures.ts';
export type * from './types.ts';
