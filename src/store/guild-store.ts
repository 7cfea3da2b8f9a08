import type { GuildSettings, GuildStore } from './types.ts';
import type { KeyValue } from './key-value.ts';
import { IdIndex, keyFor, readIndexed } from './keys.ts';

/** Guild settings by guild id; written by the one bot process (slash commands, joins, leaves). */
export class KeyValueGuildStore implements GuildStore {
  private readonly kv: KeyValue;
  private readonly index: IdIndex;

  constructor(kv: KeyValue) {
    this.kv = kv;
    this.index = new IdIndex(kv, 'index:guilds');
  }

  get(guildId: string): Promise<GuildSettings | undefined> {
    return this.kv.get<GuildSettings>(keyFor('guild', guildId));
  }

  async put(settings: GuildSettings): Promise<void> {
    await this.kv.set(keyFor('guild', settings.guildId), settings);
    await this.index.add([settings.guildId]);
  }

  async list(): Promise<GuildSettings[]> {
    return readIndexed<GuildSettings>(this.kv, 'guild', await this.index.list());
  }

  async remove(guildId: string): Promise<void> {
    await this.kv.delete(keyFor('guild', guildId));
    await this.index.remove([guildId]);
  }
}
