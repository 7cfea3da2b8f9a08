/**
 * Failures talking to Discord, in words a newcomer can act on: the same explanation whether
 * `npm run deploy` or `npm start` ran into it.
 */
import { DiscordjsErrorCodes } from 'discord.js';
import { UserFacingError } from '../shared/errors.ts';

export const TOKEN_HELP = 'copy it from the Discord Developer Portal → your application → Bot → Reset Token, and put it in .env as DISCORD_TOKEN.';

export const DISCORD_DEFAULT_URL = 'https://discord.com/api';

const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: 'its host name does not resolve',
  EAI_AGAIN: 'its host name could not be looked up (DNS is not answering)',
  ECONNREFUSED: 'nothing is listening there',
  ECONNRESET: 'the connection was dropped',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
};

function codeOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code in NETWORK_CODES) return code;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const name = (e as { name?: unknown }).name;
    if (name === 'AbortError' || name === 'TimeoutError') return true;
  }
  return false;
}

/**
 * A UserFacingError for a refused token, an unreachable Discord or one that did not answer in
 * time; undefined for anything else (a bug, or an answer that needs its own words).
 */
export function explainDiscordFailure(error: unknown, apiUrl: string | undefined, timeoutSeconds: number): UserFacingError | undefined {
  const where = apiUrl ?? DISCORD_DEFAULT_URL;
  const status = (error as { status?: unknown }).status;
  const code = (error as { code?: unknown }).code;
  if (status === 401 || code === DiscordjsErrorCodes.TokenInvalid || code === 4004) {
    return new UserFacingError('token-refused', `Discord refused the bot token: it is wrong, was reset, or belongs to another application — ${TOKEN_HELP}`, { cause: error });
  }
  const network = codeOf(error);
  if (network) {
    return new UserFacingError('discord-unreachable', `Could not reach Discord at ${where}: ${NETWORK_CODES[network]} (${network}). Check your network${apiUrl ? ' and DISCORD_API_URL' : ''}.`, { cause: error });
  }
  if (isTimeout(error)) {
    return new UserFacingError('discord-timeout', `Discord at ${where} did not answer within ${timeoutSeconds} s. Check your network${apiUrl ? ' and DISCORD_API_URL' : ''}, then try again.`, { cause: error });
  }
  return undefined;
}
