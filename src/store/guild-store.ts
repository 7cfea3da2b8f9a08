import type { GuildSettings, GuildStore } from './types.ts';
import type { KeyValue } from './key-value.ts';
import type { IdList } from './types.ts';
import { keyFor, readIndexed } from './keys.ts';

/** Guild settings by guild id (records in key/value), and the list of guilds (a native structure). */
export class KeyValueGuildStore implements GuildStore {
  private readonly kv: KeyValue;
  private readonly index: IdList;

  constructor(kv: KeyValue, index: IdList) {
    this.kv = kv;
    this.index = index;
  }

  get(guildId: string): Promise<GuildSettings | undefined> {
    return this.kv.get<GuildSettings>(keyFor('guild', guildId));
  }

  async put(settings: GuildSettings): Promise<void> {
    await this.index.add([settings.guildId]);
    await this.kv.set(keyFor('guild', settings.guildId), settings);
  }

  async list(): Promise<GuildSettings[]> {
    return readIndexed<GuildSettings>(this.kv, 'guild', await this.index.list());
  }

  async remove(guildId: string): Promise<void> {
    await this.kv.delete(keyFor('guild', guildId));
    await this.index.remove([guildId]);
  }
}
