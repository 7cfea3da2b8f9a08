/**
 * The shape of a slash command module: discord.js's template style, with the bot's services
 * passed in so a command can never reach a store or the network behind their guards.
 */
import type {
  AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotServices } from '../services/types.ts';

export interface CommandData {
  readonly name: string;
  toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody;
}

export interface Command {
  data: CommandData;
  /** Replies only the person who ran it sees (admin commands); a reply deferred for it is ephemeral too. */
  ephemeral?: boolean;
  execute(interaction: ChatInputCommandInteraction, services: BotServices): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, services: BotServices): Promise<void>;
}
