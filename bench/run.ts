/**
 * `npm run bench`: runs each section in a fresh Node process, prints the report and writes the
 * raw results to bench-results/latest.json. Sections are independent; one failing is reported
 * and the others still run.
 */
import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { CliResult } from './cli-section.ts';
import type { CommandResult } from './command-section.ts';
import { describeMachine, invokingCommand } from './machine.ts';
import type { PipelineResult } from './pipeline-section.ts';
import type { PollResult } from './poll-section.ts';
import type { OutboxResult } from './outbox-section.ts';
import type { FanoutResult } from './fanout-section.ts';
import { cliReport, commandReport, fanoutReport, header, outboxReport, pipelineReport, pollReport } from './report.ts';

type SectionOutcome<T> = { ok: true; seconds: number; result: T } | { ok: false; seconds: number; error: string };

const here = path.dirname(fileURLToPath(import.meta.url));

function runSectionProcess<T>(file: string): Promise<SectionOutcome<T>> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  return new Promise((resolve) => {
    // --expose-gc lets a section collect between runs; LOG_LEVEL keeps the bot's logs out of the report.
    const child = fork(path.join(here, file), [], { execArgv: ['--expose-gc'], env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let outcome: SectionOutcome<T> | undefined;
    child.on('message', (message: { ok: true; result: T } | { ok: false; error: string }) => {
      outcome = message.ok ? { ok: true, seconds: seconds(), result: message.result } : { ok: false, seconds: seconds(), error: message.error };
    });
    child.on('exit', (code, signal) => resolve(outcome ?? { ok: false, seconds: seconds(), error: `the section's process ended (code ${code}, signal ${signal}) without a result` }));
  });
}

function print(lines: string[]): void {
  for (const line of lines) console.log(line);
}

/** BENCH_SECTIONS=fanout,commands runs only those sections (all when unset). */
const only = process.env.BENCH_SECTIONS ? new Set(process.env.BENCH_SECTIONS.split(',').map((s) => s.trim())) : undefined;

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const command = invokingCommand();
  const machine = describeMachine();
  print(header(command, machine, startedAt));

  const sections = [
    { key: 'pipeline', file: 'pipeline-section.ts', report: (r: unknown) => pipelineReport(r as PipelineResult) },
    { key: 'poll', file: 'poll-section.ts', report: (r: unknown) => pollReport(r as PollResult) },
    { key: 'commands', file: 'command-section.ts', report: (r: unknown) => commandReport(r as CommandResult) },
    { key: 'outbox', file: 'outbox-section.ts', report: (r: unknown) => outboxReport(r as OutboxResult) },
    { key: 'fanout', file: 'fanout-section.ts', report: (r: unknown) => fanoutReport(r as FanoutResult) },
    { key: 'cli', file: 'cli-section.ts', report: (r: unknown) => cliReport(r as CliResult) },
  ].filter((s) => !only || only.has(s.key));
  const results: Record<string, SectionOutcome<unknown>> = {};
  let failed = 0;
  for (const section of sections) {
    console.log('');
    const outcome = await runSectionProcess<unknown>(section.file);
    results[section.key] = outcome;
    if (outcome.ok) print([...section.report(outcome.result), `  (${outcome.seconds} s)`]);
    else {
      failed++;
      print([`${section.key}: FAILED after ${outcome.seconds} s`, ...outcome.error.split('\n').map((l) => `  ${l}`)]);
    }
  }

  const durationSeconds = Math.round((performance.now() - started) / 100) / 10;
  const out = path.join('bench-results', 'latest.json');
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ command, startedAt, durationSeconds, machine, sections: results }, null, 2)}\n`);
  console.log('');
  console.log(`Done in ${durationSeconds} s; raw results in ${out}`);
  if (failed > 0) process.exitCode = 1;
}

await main();
