/**
 * The one place that turns an interaction into a command call and decides how failures are
 * answered: a UserFacingError is shown to the person who ran the command (only to them); anything
 * else is a bug, logged in full with an id the person can quote, and answered with an apology.
 * Whatever happens, an interaction is answered at most once; later words go to followUp or
 * editReply.
 */
import { randomBytes } from 'node:crypto';
import {
  MessageFlags, type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction,
  type InteractionEditReplyOptions,
} from 'discord.js';
import type { BotServices } from '../services/types.ts';
import { isUserFacing } from '../shared/errors.ts';
import { logger as rootLogger, type Logger } from '../shared/logger.ts';
import type { Command } from './command.ts';
import { refusalFor } from './format/error-words.ts';
import { languageOf, say } from './format/say.ts';
import { LatencyRecorder } from './latency.ts';

export interface InteractionRouterOptions {
  commands: readonly Command[];
  services: BotServices;
  logger?: Logger;
  latency?: LatencyRecorder;
  /**
   * A command that has not answered after this long is deferred ("Hyosan is thinking…") and its
   * answer replaces the placeholder: Discord drops an interaction not acknowledged within 3 s,
   * and a slow store must not turn into "The application did not respond".
   */
  deferAfterMs?: number;
}

export const DEFER_AFTER_MS = 1_500;

export interface InteractionRouter {
  handle(interaction: Interaction): Promise<void>;
  readonly latency: LatencyRecorder;
  readonly commands: ReadonlyMap<string, Command>;
}

function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

/** Option names and values, for logs: enough to reproduce a failure. */
function describeOptions(interaction: ChatInputCommandInteraction | AutocompleteInteraction): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (options: readonly { name: string; value?: unknown; options?: readonly unknown[] }[], prefix: string) => {
    for (const o of options) {
      if (o.options) walk(o.options as typeof options, `${prefix}${o.name} `);
      else out[`${prefix}${o.name}`] = o.value;
    }
  };
  walk(interaction.options.data, '');
  return out;
}

export function createInteractionRouter(options: InteractionRouterOptions): InteractionRouter {
  const log = (options.logger ?? rootLogger).child({ module: 'discord-router' });
  const latency = options.latency ?? new LatencyRecorder();
  const byName = new Map(options.commands.map((c) => [c.data.name, c]));

  async function answerFailure(interaction: ChatInputCommandInteraction, error: unknown, context: Record<string, unknown>): Promise<void> {
    let text: string;
    if (isUserFacing(error)) {
      text = refusalFor(error, languageOf(interaction.locale));
      log.info({ ...context, code: error.code }, 'command refused');
    } else {
      const errorId = newErrorId();
      text = say(interaction.locale, {
        en: `Sorry, something went wrong on Hyosan's side (error id \`${errorId}\`). Please try again in a minute.`,
        ko: `죄송합니다. Hyosan 쪽에서 문제가 생겼습니다 (오류 번호 \`${errorId}\`). 잠시 뒤에 다시 시도하세요.`,
      });
      log.error({ ...context, errorId, err: error }, 'command failed');
    }
    try {
      if (interaction.deferred && !interaction.replied) {
        // A deferred reply is already visible as "thinking"; replace it rather than leave it hanging.
        await interaction.editReply({ content: text, embeds: [], components: [] });
      } else if (interaction.replied) {
        await interaction.followUp({ content: text, flags: MessageFlags.Ephemeral });
      } else {
        await interaction.reply({ content: text, flags: MessageFlags.Ephemeral });
      }
    } catch (replyError) {
      // Usually the interaction expired (10062) or the token is gone: nothing more can be said.
      log.warn({ ...context, err: replyError }, 'could not send the error answer');
    }
  }

  /**
   * Defers the interaction if the command has not started answering within `deferAfterMs`, and
   * from then on turns the command's reply() into an edit of the deferred reply, so commands
   * need not know whether their answer came quickly.
   */
  function guardDeadline(interaction: ChatInputCommandInteraction, ephemeral: boolean, context: Record<string, unknown>) {
    let answering = false;
    let deferring: Promise<unknown> | undefined;
    const timer = setTimeout(() => {
      if (answering || interaction.replied || interaction.deferred) return;
      log.info(context, 'command is slow; deferring the reply');
      deferring = interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {})
        .catch((error: unknown) => log.warn({ ...context, err: error }, 'could not defer a slow command'));
    }, options.deferAfterMs ?? DEFER_AFTER_MS);
    const reply = interaction.reply.bind(interaction);
    const deferReply = interaction.deferReply.bind(interaction);
    interaction.deferReply = ((deferOptions?: Parameters<typeof deferReply>[0]) => {
      answering = true;
      return deferReply(deferOptions);
    }) as typeof interaction.deferReply;
    interaction.reply = (async (replyOptions: Parameters<typeof reply>[0]) => {
      answering = true;
      if (deferring) await deferring;
      if (interaction.deferred && !interaction.replied) {
        const { flags: _flags, withResponse: _withResponse, ...edit } = (typeof replyOptions === 'string' ? { content: replyOptions } : replyOptions) as Record<string, unknown>;
        return interaction.editReply(edit as InteractionEditReplyOptions);
      }
      return reply(replyOptions);
    }) as typeof interaction.reply;
    return {
      /** Stops the timer and waits for a deferral already on its way. */
      async settle(): Promise<void> {
        clearTimeout(timer);
        await deferring;
      },
    };
  }

  async function runCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const started = performance.now();
    const context = {
      command: interaction.commandName, interactionId: interaction.id, guildId: interaction.guildId,
      userId: interaction.user.id, options: describeOptions(interaction),
    };
    const command = byName.get(interaction.commandName);
    const guard = guardDeadline(interaction, command?.ephemeral ?? false, context);
    try {
      if (!command) {
        // Registered commands and this build disagree, e.g. a deploy ran from a newer version.
        throw new Error(`no handler for /${interaction.commandName}`);
      }
      await command.execute(interaction, options.services);
      await guard.settle();
      if (!interaction.replied && !interaction.deferred) throw new Error(`/${interaction.commandName} returned without answering`);
    } catch (error) {
      await guard.settle();
      await answerFailure(interaction, error, context);
    } finally {
      const ms = performance.now() - started;
      latency.record(interaction.commandName, ms);
      log.debug({ ...context, ms: Math.round(ms * 10) / 10, sinceCreated: Date.now() - interaction.createdTimestamp }, 'command handled');
    }
  }

  async function runAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const started = performance.now();
    const command = byName.get(interaction.commandName);
    try {
      if (!command?.autocomplete) throw new Error(`no autocomplete for /${interaction.commandName}`);
      await command.autocomplete(interaction, options.services);
    } catch (error) {
      log.error({ command: interaction.commandName, guildId: interaction.guildId, err: error }, 'autocomplete failed');
      if (!interaction.responded) await interaction.respond([]).catch(() => {});
    } finally {
      latency.record(`${interaction.commandName}:autocomplete`, performance.now() - started);
    }
  }

  return {
    latency,
    commands: byName,
    async handle(interaction) {
      if (interaction.isChatInputCommand()) return runCommand(interaction);
      if (interaction.isAutocomplete()) return runAutocomplete(interaction);
    },
  };
}
