/**
 * Log lines a person reads on a terminal: time, level in words, module, message, then the
 * fields as key=value. Used instead of JSON when standard output is a terminal (LOG_FORMAT=auto)
 * or when asked for (LOG_FORMAT=pretty); files and log collectors get JSON.
 */
const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const SKIP = new Set(['level', 'time', 'pid', 'hostname', 'app', 'module', 'msg']);

function value(v: unknown): string {
  if (typeof v === 'string') return /[\s"=]/.test(v) || v === '' ? JSON.stringify(v) : v;
  if (v && typeof v === 'object' && 'message' in v && typeof (v as { message: unknown }).message === 'string') {
    const err = v as { type?: string; message: string; stack?: string };
    return JSON.stringify(`${err.type ? `${err.type}: ` : ''}${err.message}`);
  }
  return JSON.stringify(v);
}

/** One pino JSON line as a readable line; anything that is not JSON is passed through. */
export function prettyLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 19) : '--:--:--';
  const level = LEVELS[Number(entry.level)] ?? String(entry.level);
  const module = typeof entry.module === 'string' ? ` [${entry.module}]` : '';
  const fields = Object.entries(entry).filter(([k]) => !SKIP.has(k)).map(([k, v]) => `${k}=${value(v)}`);
  const stack = entry.err && typeof entry.err === 'object' && typeof (entry.err as { stack?: unknown }).stack === 'string' && Number(entry.level) >= 50
    ? `\n${String((entry.err as { stack: string }).stack).split('\n').slice(1, 6).join('\n')}`
    : '';
  return `${time} ${level}${module} ${String(entry.msg ?? '')}${fields.length ? `  ${fields.join(' ')}` : ''}${stack}\n`;
}

/** A pino destination that writes readable lines to `out`. */
export function prettyDestination(out: NodeJS.WritableStream = process.stdout): { write(line: string): boolean } {
  return {
    write(line: string) {
      return out.write(prettyLine(line.endsWith('\n') ? line.slice(0, -1) : line));
    },
  };
}
