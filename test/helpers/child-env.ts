/** The environment for a process a test starts: what it is given, plus the guard of no-discord.ts. */
import { fileURLToPath } from 'node:url';

export const NO_DISCORD_GUARD = fileURLToPath(new URL('./no-discord.ts', import.meta.url));

export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: [`--import=${NO_DISCORD_GUARD}`, env.NODE_OPTIONS].filter(Boolean).join(' ') };
}
