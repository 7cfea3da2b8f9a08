/**
 * Section 1: items per second through the whole fact pipeline against rss-parser's parseString
 * alone on the same documents. The parser is the floor every feed pays; the ratio says how much
 * the bot's own work (repairs, relevance, extraction, the ledger in SQLite) adds on top of it.
 * A second figure shows how the ledger slows down as facts pile up sources.
 */
import path from 'node:path';
import Parser from 'rss-parser';
import { analyseItem, oldestFirst } from '../src/engine/analyse-item.ts';
import { processItems } from '../src/engine/process-items.ts';
import { FactLedger } from '../src/facts/ledger-store.ts';
import { baselineClaims, loadShowPack, type ShowPack } from '../src/facts/show-pack.ts';
import type { Claim } from '../src/facts/types.ts';
import { parseFeed } from '../src/feeds/parser.ts';
import type { FeedItem } from '../src/feeds/types.ts';
import { openStores, type Stores } from '../src/store/index.ts';
import { documentsOf, generatedInput, timelineInput, type BenchDocument, type BenchInput } from './bench-inputs.ts';
import { runSection } from './section.ts';
import { ratio, summarise, type Summary } from './stats.ts';
import { collectGarbage, timed } from './timer.ts';

export interface VariantResult {
  items: number;
  itemsPerSecond: Summary;
}

export interface InputResult {
  label: string;
  documents: number;
  parseOnly: VariantResult;
  replay: VariantResult;
  processItems: VariantResult;
  /** Pipeline items/s over parse-only items/s (0.05 means the pipeline runs at 5 % of the parser's rate). */
  replayVsParse: number;
  processVsParse: number;
}

export interface LedgerGrowthResult {
  smallCopies: number;
  largeCopies: number;
  smallClaimsPerSecond: number;
  largeClaimsPerSecond: number;
  /** Largest number of sources behind one fact at the end of the large run. */
  largestSourceCount: number;
  /** large / small claims per second: 1 means the ledger's cost per claim does not grow. */
  slowdown: number;
}

export interface PipelineResult {
  runs: number;
  warmups: number;
  inputs: InputResult[];
  ledgerGrowth: LedgerGrowthResult;
}

const RUNS = 5;
const WARMUPS = 1;
const TIMELINE_ITEMS = 2400;
/** Warm-up runs take only this many batches: enough for the JIT, without doubling the bench's time. */
const WARMUP_BATCHES = 4;
const GENERATED_ITEMS = 300;
const GROWTH_COPIES = { small: 2, large: 10 };
// A fixed clock, as replay uses: the ledger's output must not depend on when the bench runs.
const CLOCK = () => new Date('2026-06-02T00:00:00Z');

// The same custom field the bot's parser asks for, so both sides parse the same shape.
const rss = new Parser({ customFields: { item: [['source', 'newsSource']] as unknown as string[] } });

type Variant = 'parseOnly' | 'replay' | 'processItems';
const VARIANTS: Variant[] = ['parseOnly', 'replay', 'processItems'];

interface Ledgers {
  stores: Stores;
  ledger: FactLedger;
}

/** Opened and seeded before the clock starts: a store's start-up is not per-item work. */
async function prepareLedgers(count: number, pack: ShowPack): Promise<Ledgers[]> {
  const out: Ledgers[] = [];
  for (let i = 0; i < count; i++) {
    const stores = await openStores('sqlite://:memory:');
    const ledger = new FactLedger(stores.facts, { clock: CLOCK });
    await ledger.seedBaseline(baselineClaims(pack));
    out.push({ stores, ledger });
  }
  return out;
}

function parse(doc: BenchDocument): Promise<{ items: FeedItem[] }> {
  return parseFeed(doc.xml, doc.name, { maxItems: 10_000, ...(doc.kind ? { kind: doc.kind } : {}) });
}

async function parseOnly(input: BenchInput): Promise<number> {
  let items = 0;
  for (const doc of documentsOf(input)) items += (await rss.parseString(doc.xml)).items.length;
  return items;
}

/** What `hyosan replay` does per batch: parse every file, oldest first, relevance → extraction → ledger. */
async function replayPipeline(input: BenchInput, pack: ShowPack, ledgers: Ledgers[]): Promise<number> {
  let count = 0;
  for (const [i, batch] of input.batches.entries()) {
    const { ledger } = ledgers[i] as Ledgers;
    const items: FeedItem[] = [];
    for (const doc of batch) items.push(...(await parse(doc)).items);
    for (const item of oldestFirst(items)) {
      const analysis = analyseItem(item, pack);
      if (analysis.claims.length > 0) await ledger.apply(analysis.claims);
      count++;
    }
  }
  return count;
}

/** What the poller does per feed: parse, skip seen items, analyse, ledger, record in the item store. */
async function processPipeline(input: BenchInput, pack: ShowPack, ledgers: Ledgers[]): Promise<number> {
  let count = 0;
  for (const [i, batch] of input.batches.entries()) {
    const { stores, ledger } = ledgers[i] as Ledgers;
    for (const doc of batch) count += (await processItems((await parse(doc)).items, { pack, ledger, items: stores.items, clock: CLOCK })).processed;
  }
  return count;
}

async function closeAll(ledgers: Ledgers[]): Promise<void> {
  for (const { stores } of ledgers) await stores.close();
}

async function measure(input: BenchInput, pack: ShowPack): Promise<InputResult> {
  const rates: Record<Variant, number[]> = { parseOnly: [], replay: [], processItems: [] };
  const counts: Record<Variant, number> = { parseOnly: 0, replay: 0, processItems: 0 };
  const warmupInput: BenchInput = { label: input.label, batches: input.batches.slice(0, WARMUP_BATCHES) };
  for (let run = 0; run < WARMUPS + RUNS; run++) {
    const current = run < WARMUPS ? warmupInput : input;
    // Interleaved, so a slow stretch of the machine lands on every variant rather than on one.
    for (const variant of VARIANTS) {
      const ledgers = variant === 'parseOnly' ? [] : await prepareLedgers(current.batches.length, pack);
      collectGarbage();
      const work = variant === 'parseOnly' ? () => parseOnly(current)
        : variant === 'replay' ? () => replayPipeline(current, pack, ledgers)
          : () => processPipeline(current, pack, ledgers);
      const { value, wallMs } = await timed(work);
      await closeAll(ledgers);
      counts[variant] = value;
      if (run >= WARMUPS) rates[variant].push(value / (wallMs / 1000));
    }
  }
  const result = (variant: Variant): VariantResult => ({ items: counts[variant], itemsPerSecond: summarise(rates[variant]) });
  const [parse, replay, proc] = [result('parseOnly'), result('replay'), result('processItems')];
  return {
    label: input.label,
    documents: documentsOf(input).length,
    parseOnly: parse,
    replay,
    processItems: proc,
    replayVsParse: ratio(replay.itemsPerSecond.median, parse.itemsPerSecond.median),
    processVsParse: ratio(proc.itemsPerSecond.median, parse.itemsPerSecond.median),
  };
}

/** The claims of `copies` timeline copies, extracted before timing, so only the ledger is measured. */
async function timelineClaims(copies: number, pack: ShowPack): Promise<Claim[][]> {
  const input = await timelineInput(copies * 60);
  const out: Claim[][] = [];
  for (const batch of input.batches.slice(0, copies)) {
    const items: FeedItem[] = [];
    for (const doc of batch) items.push(...(await parse(doc)).items);
    for (const item of oldestFirst(items)) {
      const { claims } = analyseItem(item, pack);
      if (claims.length > 0) out.push(claims);
    }
  }
  return out;
}

/** Claims per second of one ledger taking `copies` copies of the same news: each copy adds a source to every fact. */
async function ledgerRate(copies: number, pack: ShowPack): Promise<{ claimsPerSecond: number; largestSourceCount: number }> {
  const claims = await timelineClaims(copies, pack);
  const ledgers = await prepareLedgers(1, pack);
  const { ledger } = ledgers[0] as Ledgers;
  collectGarbage();
  const { wallMs } = await timed(async () => {
    for (const batch of claims) await ledger.apply(batch);
  });
  const facts = await ledger.listFacts();
  await closeAll(ledgers);
  const total = claims.reduce((n, c) => n + c.length, 0);
  return { claimsPerSecond: total / (wallMs / 1000), largestSourceCount: Math.max(...facts.map((f) => f.sources.length)) };
}

async function measureLedgerGrowth(pack: ShowPack): Promise<LedgerGrowthResult> {
  await ledgerRate(1, pack); // warm-up
  const small = await ledgerRate(GROWTH_COPIES.small, pack);
  const large = await ledgerRate(GROWTH_COPIES.large, pack);
  return {
    smallCopies: GROWTH_COPIES.small,
    largeCopies: GROWTH_COPIES.large,
    smallClaimsPerSecond: small.claimsPerSecond,
    largeClaimsPerSecond: large.claimsPerSecond,
    largestSourceCount: large.largestSourceCount,
    slowdown: ratio(large.claimsPerSecond, small.claimsPerSecond),
  };
}

export async function runPipelineBench(): Promise<PipelineResult> {
  const pack = await loadShowPack(path.join('config', 'shows', 'all-of-us-are-dead.json'));
  const inputs = [await timelineInput(TIMELINE_ITEMS), generatedInput(GENERATED_ITEMS)];
  const results: InputResult[] = [];
  for (const input of inputs) results.push(await measure(input, pack));
  return { runs: RUNS, warmups: WARMUPS, inputs: results, ledgerGrowth: await measureLedgerGrowth(pack) };
}

runSection(import.meta.url, runPipelineBench);
