/**
 * Loaded with --import into a process the CLI section measures: at exit it writes the process's
 * peak resident set (getrusage's maxrss, KiB) to the file PEAK_RSS_FILE names. The same preload
 * goes into both processes compared, so it weighs the same on each side.
 */
import { writeFileSync } from 'node:fs';

const out = process.env.PEAK_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
