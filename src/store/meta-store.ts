import type { MetaStore } from './types.ts';
import type { KeyValue } from './key-value.ts';
import { keyFor } from './keys.ts';

export class KeyValueMetaStore implements MetaStore {
  private readonly kv: KeyValue;

  constructor(kv: KeyValue) {
    this.kv = kv;
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.kv.get<T>(keyFor('meta', key));
  }

  set<T>(key: string, value: T): Promise<void> {
    return this.kv.set(keyFor('meta', key), value);
  }
}
