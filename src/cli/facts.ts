/** `facts [--json]`: what the bot believes now, with sources. */
import { FactLedger } from '../facts/ledger-store.ts';
import { baselineClaims } from '../facts/show-pack.ts';
import type { Fact } from '../facts/types.ts';
import { openStores } from '../store/index.ts';
import { cliContext, day } from './common.ts';
import { compareText } from '../shared/text-order.ts';

async function baselineFacts(claims: ReturnType<typeof baselineClaims>): Promise<Fact[]> {
  const scratch = await openStores('sqlite://:memory:');
  try {
    const ledger = new FactLedger(scratch.facts);
    await ledger.apply(claims, { silent: true });
    return await ledger.listFacts();
  } finally {
    await scratch.close();
  }
}

export async function runFacts(flags: { json: boolean }): Promise<number> {
  const { config, pack } = await cliContext();
  const stores = await openStores(config.storeUrl);
  let facts: Fact[];
  let note = '';
  try {
    facts = await stores.facts.listFacts();
  } finally {
    await stores.close();
  }
  if (facts.length === 0) {
    facts = await baselineFacts(baselineClaims(pack));
    note = 'The store holds no facts yet; these are the shipped starting facts the bot will begin from.';
  }
  facts.sort((a, b) => compareText(a.kind, b.kind) || compareText(a.subject ?? '', b.subject ?? ''));
  if (flags.json) {
    console.log(JSON.stringify({ show: pack.id, note: note || undefined, facts }, null, 2));
    return 0;
  }
  console.log(`${pack.titles.primary} season ${pack.season} — what Hyosan believes (${config.storeUrl})`);
  if (note) console.log(note);
  for (const f of facts) {
    const who = f.subject ? ` ${f.subject}` : '';
    const extra = [f.character ? `as ${f.character}` : '', f.date ? `on ${f.date}` : ''].filter(Boolean).join(' ');
    console.log(`\n${f.kind}${who}: ${f.value}${extra ? ` ${extra}` : ''} [${f.confidence}]`);
    for (const s of f.sources) console.log(`   ${day(s.published)} ${s.outlet ?? ''} ${s.title ?? ''} ${s.itemUrl.startsWith('baseline:') ? '' : s.itemUrl}`.trimEnd());
    for (const c of f.conflicts) console.log(`   conflicting: ${c.value} [${c.confidence}] from ${c.sources.map((s) => s.outlet ?? s.itemUrl).join(', ')}`);
  }
  return 0;
}
