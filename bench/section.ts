/**
 * Each section runs in its own Node process (started by run.ts), so one section's heap, JIT
 * state and open handles cannot colour the next one's figures. The result goes back over IPC.
 */
import { fileURLToPath } from 'node:url';

export function runSection<T>(moduleUrl: string, run: () => Promise<T>): void {
  if (process.argv[1] !== fileURLToPath(moduleUrl)) return;
  run().then(
    (result) => {
      if (process.send) process.send({ ok: true, result }, () => process.exit(0));
      else {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        process.exit(0);
      }
    },
    (error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      if (process.send) process.send({ ok: false, error: message }, () => process.exit(1));
      else {
        process.stderr.write(`${message}\n`);
        process.exit(1);
      }
    },
  );
}
