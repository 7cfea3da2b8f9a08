/** The Discord layer's public surface, for main.ts. */
export { createDiscordClient, loginDiscordClient, wireDiscordClient, requireToken, type DiscordClientOptions, type BotWiring } from './client.ts';
export { startDiscordBot, type RunningBot, type StartBotOptions } from './start-bot.ts';
export { commands } from './command-list.ts';
export type { Command, CommandData } from './command.ts';
export { createInteractionRouter, type InteractionRouter, type InteractionRouterOptions } from './interaction-router.ts';
export { LatencyRecorder, type LatencySummary } from './latency.ts';
export { RestDeliveryPort, createRestPort, createDeliveryRest, REST_PORT_DEFAULTS, type RestPortOptions } from './rest-port.ts';
export { toDeliveryError } from './delivery-errors.ts';
export { createAdminNotifier, noticeChannel, type NotifyAdmins } from './notify-admins.ts';
export { deployCommands, describeDeployment, parseDeployArgs, type DeployOptions } from './deploy-commands.ts';
