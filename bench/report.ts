/** Turns the sections' results into the report people read; the JSON file keeps the raw numbers. */
import type { CliResult } from './cli-section.ts';
import type { CommandResult } from './command-section.ts';
import type { FanoutResult } from './fanout-section.ts';
import type { Machine } from './machine.ts';
import type { OutboxResult } from './outbox-section.ts';
import type { PipelineResult } from './pipeline-section.ts';
import type { PollResult } from './poll-section.ts';
import type { Summary } from './stats.ts';

export function table(rows: string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => indent + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('   ').trimEnd());
}

/** Three significant figures are as many as a noisy machine can stand behind. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const spread = (s: Summary) => `±${Math.round(s.spreadPct / 2)}%`;
const times = (r: number) => `${r >= 0.1 ? r.toFixed(2) : r.toFixed(3)}×`;

export function header(command: string, machine: Machine, startedAt: string): string[] {
  return [
    'Hyosan benchmarks',
    `  command:  ${command}`,
    `  machine:  ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}`,
    `  commit:   ${machine.commit}    started ${startedAt}    load average ${machine.loadAverage.join(' ')}`,
    '  Medians over repeated runs; ±x% is half the range (max − min) over the median.',
    '  Ratios are measured against a baseline in the same run: compare those across machines, not the absolute figures.',
  ];
}

export function pipelineReport(r: PipelineResult): string[] {
  const rows = [['input', 'items', 'parser alone', 'replay pipeline', 'vs parser', 'processItems', 'vs parser']];
  for (const i of r.inputs) {
    rows.push([
      `${i.label}, ${i.documents} doc(s)`,
      String(i.parseOnly.items),
      `${num(i.parseOnly.itemsPerSecond.median)} ${spread(i.parseOnly.itemsPerSecond)}`,
      `${num(i.replay.itemsPerSecond.median)} ${spread(i.replay.itemsPerSecond)}`,
      times(i.replayVsParse),
      `${num(i.processItems.itemsPerSecond.median)} ${spread(i.processItems.itemsPerSecond)}`,
      times(i.processVsParse),
    ]);
  }
  const g = r.ledgerGrowth;
  return [
    `1. Pipeline vs parse — items/s, median of ${r.runs} runs after ${r.warmups} warm-up`,
    ...table(rows),
    `  Ledger growth (one ledger, the same news again and again): ${g.smallCopies} timeline copies ${num(g.smallClaimsPerSecond)} claims/s,`,
    `  ${g.largeCopies} copies ${num(g.largeClaimsPerSecond)} claims/s (busiest fact: ${g.largestSourceCount} sources) → ${times(g.slowdown)}`,
  ];
}

export function pollReport(r: PollResult): string[] {
  const row = (name: string, k: PollResult['unchanged']) => [
    name,
    `${num(k.msPerRound.median)} ${spread(k.msPerRound)}`,
    num(k.msPerFeed),
    `${num(k.cpuMsPerRound.median)} ${spread(k.cpuMsPerRound)}`,
    `${k.served.ok} × 200, ${k.served.notModified} × 304`,
  ];
  return [
    `2. Poll round — ${r.feeds} feeds of ${r.itemsPerFeed} items on 127.0.0.1, ${r.unchanged.rounds} rounds each, ${r.concurrency}`,
    ...table([['round', 'ms/round', 'ms/feed', 'CPU ms/round', 'answers over all rounds'], row('unchanged (304)', r.unchanged), row('changed (1 new item each)', r.changed)]),
    `  changed / unchanged: ${times(r.wallRatio)} wall time, ${times(r.cpuRatio)} CPU time`,
  ];
}

export function commandReport(r: CommandResult): string[] {
  const m = r.memory;
  const c = r.cappedHeap;
  const mem = (name: string, rss: number, extra = '') => [name, num(rss), times(rss / m.bareNode.rssMiB), extra];
  const half = r.warmupPerCommand * 3 + (r.invocationsPerCommand / 2) * 3;
  const total = (r.warmupPerCommand + r.invocationsPerCommand) * 3;
  return [
    `3. Commands — the bot (node dist/main.js, as npm start runs it) as a child process against the emulator; ${r.invocationsPerCommand} of each after ${r.warmupPerCommand} warm-up, started in ${num(r.startupMs)} ms`,
    ...table([['command', 'p50 ms', 'p99 ms', 'max ms', 'not an immediate reply'], ...r.latency.map((l) => [`/${l.command}`, num(l.p50Ms), num(l.p99Ms), num(l.maxMs), String(l.otherCallbacks)])]),
    ...table([
      ['memory (VmRSS)', 'MiB', '× bare node', ''],
      mem('bare `node -e`', m.bareNode.rssMiB),
      mem('bot after start', m.botAfterStart.rssMiB),
      mem(`bot after ${half} commands`, m.botAfterHalf.rssMiB),
      mem(`bot after ${total} commands`, m.botAfterLoad.rssMiB, `peak (VmHWM) ${num(m.botAfterLoad.hwmMiB)} MiB, ${times(m.peakRatio)}`),
      mem(`same, --max-old-space-size=${c.maxOldSpaceMiB}: start`, c.afterStart.rssMiB),
      mem(`  after ${half} commands`, c.afterHalf.rssMiB),
      mem(`  after ${total} commands`, c.afterLoad.rssMiB, `peak (VmHWM) ${num(c.afterLoad.hwmMiB)} MiB`),
    ]),
    ...soakReport(r.soak),
  ];
}

function soakReport(k: CommandResult['soak']): string[] {
  const rss = (run: CommandResult['soak']['bot'], n: number) => num(run.checkpoints.find((c) => c.commands === n)?.memory.rssMiB ?? Number.NaN);
  const row = (name: string, run: CommandResult['soak']['bot']) => [
    name, num(run.atReady.rssMiB), rss(run, 1000), rss(run, 3000), rss(run, 6000), num(run.growthPer1000MiB), `${num(run.p50Ms)} / ${num(run.p99Ms)}`, num(run.readyMs),
  ];
  return [
    `  Soak — ${k.commands.toLocaleString('en-US')} mixed commands (/release, /cast, /status, /news, /help in turn), the bot next to a bare discord.js client`,
    ...table([
      ['process', 'RSS MiB at READY', 'after 1,000', 'after 3,000', 'after 6,000', 'MiB per 1,000', 'p50 / p99 ms', 'spawn → READY ms'],
      row('bare discord.js client', k.bare),
      row('Hyosan', k.bot),
    ]),
    `  Hyosan ÷ bare: RSS at READY ${times(k.readyRssRatio)}, after ${k.commands.toLocaleString('en-US')} ${times(k.finalRssRatio)}, growth per 1,000 ${times(k.growthRatio)}, /release p99 ÷ bare reply p99 ${times(k.releaseP99VsBareP99)}, time to READY ${times(k.readyTimeRatio)}`,
  ];
}

export function outboxReport(r: OutboxResult): string[] {
  const row = (k: OutboxResult['small']) => [`${k.channels.toLocaleString('en-US')} channels`, num(k.enqueueMs), num(k.drainMs), num(k.msPerDelivery)];
  return [
    `4. Outbox — one change fanned out to many channels on the embedded SQLite store, drained as the worker does (batches of ${r.batchSize}), no Discord`,
    ...table([['fan-out', 'enqueue ms', 'drain ms', 'ms/delivery'], row(r.small), row(r.large)]),
    `  per-delivery cost at ${r.large.channels.toLocaleString('en-US')} ÷ at ${r.small.channels.toLocaleString('en-US')}: ${times(r.ratio)} (1× = linear)`,
  ];
}

export function fanoutReport(r: FanoutResult): string[] {
  const lines = [`5. Fan-out — one official date to N servers through a followed feed; the bot (node dist/main.js, as npm start runs it) against the emulator enforcing Discord's 50/s global limit; DELIVERY_RATE_PER_SECOND=${r.rate}`];
  lines.push(...table([
    ['servers', 'first→last s', `N/${r.rate} s`, 'vs floor', '429s', 'exactly once', 'peak alerts/s', 'peak all/s', '/release p50/p99 idle ms', 'during ms', 'p99 ratio'],
    ...r.runs.map((x) => [
      x.servers.toLocaleString('en-US'), num(x.fanoutSeconds), num(x.floorSeconds), times(x.vsFloor), String(x.tooManyRequests),
      `${x.channelsExactlyOnce}/${x.servers}${x.channelsMissing ? ` (${x.channelsMissing} missing)` : ''}${x.channelsDoubled ? ` (${x.channelsDoubled} doubled)` : ''}`,
      String(x.peakAlertsPerSecond), String(x.peakPerSecond), `${num(x.releaseIdle.p50Ms)} / ${num(x.releaseIdle.p99Ms)}`, `${num(x.releaseDuring.p50Ms)} / ${num(x.releaseDuring.p99Ms)}`, times(x.releaseP99Ratio),
    ]),
  ]));
  lines.push(...table([
    ['servers', 'bare client RSS MiB (median of 3)', 'bot at READY', 'vs bare', 'bot after fan-out', 'vs READY', 'READY ms bare / bot'],
    ...r.runs.map((x) => [
      x.servers.toLocaleString('en-US'), num(x.bareAtReady.rssMiB), num(x.botAtReady.rssMiB), times(x.readyRssRatio),
      num(x.botAfterFanout.rssMiB), times(x.afterFanoutRssRatio), `${num(x.bareReadyMs)} / ${num(x.botReadyMs)}`,
    ]),
  ]));
  lines.push('  Limiter: 400 posts fired at once to 400 channels, against the 50/s global limit');
  lines.push(...table([['limiter', 'seconds', 'peak req/s', '429s'], ...r.limiters.map((l) => [l.limiter, num(l.seconds), String(l.peakPerSecond), String(l.tooManyRequests)])]));
  return lines;
}

export function cliReport(r: CliResult): string[] {
  return [
    `6. CLI — peak RSS of \`npm run cli -- check <file>\` (node src/cli.ts) on a ${r.items}-item feed file, against a script that only parses it with rss-parser; ${r.check.runs} runs each after one warm-up`,
    ...table([
      ['process', 'peak MiB', 'spread'],
      ['rss-parser alone', num(r.rssParser.median), spread(r.rssParser)],
      ['cli check', num(r.check.median), spread(r.check)],
    ]),
    `  cli check ÷ rss-parser alone: ${times(r.ratio)}`,
  ];
}
