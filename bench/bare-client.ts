/**
 * The baseline the fan-out benchmark compares the bot with: a bare discord.js client (Guilds
 * intent, library defaults) that answers every slash command with a fixed 300-character reply.
 * Started as its own process; tells the parent over IPC when it is ready.
 */
import { Client, GatewayIntentBits } from 'discord.js';

const REPLY = 'A fixed answer of three hundred characters, the size of a short reply. '.repeat(5).slice(0, 300);

const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: process.env.DISCORD_API_URL ?? '' },
});
client.on('interactionCreate', (interaction) => {
  if (interaction.isChatInputCommand()) void interaction.reply({ content: REPLY }).catch(() => undefined);
});
client.once('clientReady', () => process.send?.({ ready: true, guilds: client.guilds.cache.size }));
await client.login(process.env.DISCORD_TOKEN);
process.on('SIGTERM', () => void client.destroy().finally(() => process.exit(0)));
