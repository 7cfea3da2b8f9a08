/**
 * Who holds a lease: "host:pid:nonce", unique per process life. A holder on this machine whose
 * process is gone can be recognised as dead without waiting for its lease to run out.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export function newHolderId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** True only when the holder ran on this machine and its process no longer exists. */
export function isDeadHereHolder(holder: string): boolean {
  const match = /^(.*):(\d+):[0-9a-f]+$/.exec(holder);
  if (!match || match[1] !== hostname()) return false;
  const pid = Number(match[2]);
  // Our own pid under another holder id: an earlier process that had this pid, now gone.
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — alive.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
