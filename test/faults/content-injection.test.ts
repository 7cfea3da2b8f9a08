/**
 * Article text is written by strangers. Whatever an outlet puts in a headline, an outlet name, a
 * quoted sentence or a person's name, the alert that reaches Discord (through the real formatter,
 * the delivery worker and the emulator) pings nobody, stays inside Discord's embed limits, shows
 * no masked links or markdown structure of the article's making, and never cuts text without an
 * ellipsis.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FactEvent } from '../../src/facts/types.ts';
import type { StoredMessage } from '../emulator/index.ts';
import { evidence, releaseEvent, startDeliveryRig, type DeliveryRig } from './helpers/delivery-rig.ts';

const LIMITS = { content: 2000, title: 256, description: 4096, fieldName: 256, fieldValue: 1024, fields: 25, footer: 2048, total: 6000 };
const TAIL = 'TAILMARK';
/** Invisible and direction-changing characters; U+200B is left out on purpose, it is how mentions are defused. */
const INVISIBLE = /[\u200C-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/;

let rig: DeliveryRig;

beforeAll(async () => {
  rig = await startDeliveryRig();
});

afterAll(async () => {
  await rig?.close();
});

interface Embed { title?: string; description?: string; url?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }

function embedOf(m: StoredMessage): Embed {
  return (m.embeds[0] ?? {}) as Embed;
}

function visibleText(m: StoredMessage): string {
  const e = embedOf(m);
  return [m.content, e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].filter(Boolean).join('\n');
}

function expectWithinLimits(m: StoredMessage): void {
  const e = embedOf(m);
  expect(m.content.length).toBeLessThanOrEqual(LIMITS.content);
  expect((e.title ?? '').length).toBeLessThanOrEqual(LIMITS.title);
  expect((e.description ?? '').length).toBeLessThanOrEqual(LIMITS.description);
  expect((e.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
  for (const f of e.fields ?? []) {
    expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  }
  const total = (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  expect(total).toBeLessThanOrEqual(LIMITS.total);
}

/** Text that was too long is either shown whole (its tail is there) or visibly cut (an ellipsis). */
function expectCutVisibly(m: StoredMessage): void {
  const text = visibleText(m);
  if (!text.includes(TAIL)) expect(text).toContain('…');
  const e = embedOf(m);
  for (const part of [m.content, e.title ?? '', e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]) {
    // A part at its limit must end in the ellipsis: reaching the limit exactly with no mark would be a silent cut.
    if (part.length >= LIMITS.fieldValue && !part.includes(TAIL)) expect(part).toMatch(/…[*_`)\]]*$|…/);
  }
}

const long = (unit: string, n: number) => `${unit.repeat(n)} ${TAIL}`;

interface InjectionCase {
  name: string;
  event: () => FactEvent;
  check: (m: StoredMessage) => void;
}

const src = (o: Parameters<typeof evidence>[0]) => [evidence(o)];
const noRaw = (pattern: RegExp) => (m: StoredMessage) => expect(visibleText(m)).not.toMatch(pattern);

const cases: InjectionCase[] = [
  { name: '@everyone in a person\'s name', event: () => releaseEvent({ kind: 'cast', subject: '@everyone Park Ji-hu', value: 'returning' }), check: noRaw(/@everyone/) },
  { name: '@here in an outlet name', event: () => releaseEvent({ sources: src({ outlet: '@here K-Drama Wire' }) }), check: noRaw(/@here/) },
  { name: 'role mention in the quoted sentence', event: () => releaseEvent({ sources: src({ sentence: 'Ping <@&111122223333444455> now: season 2 premieres March 12, 2027.' }) }), check: noRaw(/<@&\d+>/) },
  { name: 'user mention in a person\'s name', event: () => releaseEvent({ kind: 'cast', subject: '<@123456789012345678>', value: 'new' }), check: noRaw(/<@!?\d+>/) },
  { name: 'nickname mention and @everyone in a character', event: () => releaseEvent({ kind: 'cast', subject: 'Yoon Chan-young', value: 'returning', character: '<@!123456789012345678> @everyone' }), check: noRaw(/<@!\d+>|@everyone/) },
  { name: 'masked link in the quoted sentence', event: () => releaseEvent({ sources: src({ sentence: 'Read the [official announcement](https://evil.example/phish) for the March 12, 2027 date.' }) }), check: noRaw(/\]\(https:\/\/evil\.example/) },
  { name: 'masked link in a character name', event: () => releaseEvent({ kind: 'cast', subject: 'Cho Yi-hyun', value: 'returning', character: '[Choi Nam-ra](https://evil.example/x)' }), check: noRaw(/evil\.example/) },
  { name: 'markdown heading in the quoted sentence', event: () => releaseEvent({ sources: src({ sentence: '# SEASON 2 CANCELLED\nJust kidding, it premieres March 12, 2027.' }) }), check: (m) => expect(visibleText(m)).not.toMatch(/^#{1,3} /m) },
  { name: 'markdown lists and block quotes', event: () => releaseEvent({ sources: src({ sentence: '- first\n- second\n1. third\n> quoted\n>>> block' }) }), check: (m) => expect(visibleText(m)).not.toMatch(/^(- |1\. |>>> )/m) },
  { name: 'code blocks, spoilers and bold', event: () => releaseEvent({ sources: src({ sentence: '```js\nalert(1)\n``` ||the ending|| **BREAKING**' }) }), check: noRaw(/```|(?<!\\)\|\|the ending(?<!\\)\|\|/) },
  { name: 'zero-width characters in a name', event: () => releaseEvent({ kind: 'cast', subject: 'Park\u200C Ji\u200D-hu\u2060\uFEFF', value: 'returning' }), check: (m) => { expect(visibleText(m)).not.toMatch(INVISIBLE); expect(visibleText(m)).toContain('Park Ji-hu'); } },
  { name: 'right-to-left override in an outlet name', event: () => releaseEvent({ sources: src({ outlet: 'Seoul \u202Eyliad\u202C Screen \u2067x\u2069' }) }), check: (m) => expect(visibleText(m)).not.toMatch(INVISIBLE) },
  { name: 'a javascript: link as the article URL', event: () => releaseEvent({ sources: src({ itemUrl: 'javascript:alert(document.cookie)' }) }), check: (m) => { expect(JSON.stringify(m.embeds)).not.toContain('javascript:'); } },
  { name: 'an article URL that tries to close the markdown link', event: () => releaseEvent({ sources: src({ itemUrl: 'https://x.example/a)[win](https://evil.example' }) }), check: noRaw(/\]\(https:\/\/evil\.example/) },
  { name: 'a sentence ten times the field limit', event: () => releaseEvent({ sources: src({ sentence: long('All of Us Are Dead season 2 premieres March 12, 2027. ', 200) }) }), check: expectCutVisibly },
  { name: 'a person\'s name far over the title limit', event: () => releaseEvent({ kind: 'cast', subject: long('Park Ji-hu ', 200), value: 'returning' }), check: expectCutVisibly },
  { name: 'an outlet name far over the limits', event: () => releaseEvent({ sources: src({ outlet: long('Seoul Screen Daily ', 400) }) }), check: expectCutVisibly },
  { name: 'forty sources with long headlines', event: () => releaseEvent({ sources: Array.from({ length: 40 }, (_, i) => evidence({ itemUrl: `https://outlet${i}.example/${'p'.repeat(300)}`, outlet: `Outlet ${i} ${'x'.repeat(80)}`, title: long('Headline ', 50) })) }), check: expectCutVisibly },
  {
    name: 'everything at once at full size', event: () => releaseEvent({
      kind: 'cast', subject: long('@everyone <@&1> ', 300), value: 'returning', character: long('[x](https://evil.example) # ', 300),
      sources: Array.from({ length: 30 }, (_, i) => evidence({ outlet: long('@here \u202E', 100), sentence: long('# <@1> ', 1000), itemUrl: `https://o${i}.example/a` })),
    }),
    check: (m) => { expectCutVisibly(m); noRaw(/@everyone|@here|<@&?\d+>|\]\(https:\/\/evil/)(m); expect(visibleText(m)).not.toMatch(INVISIBLE); },
  },
];

describe('content injection', () => {
  test.each(cases)('$name', async (c) => {
    const before = rig.channels.map((ch) => rig.alerts(ch).length);
    await rig.deliver(c.event());
    for (const [i, channel] of rig.channels.entries()) {
      const alerts = rig.alerts(channel);
      // Exactly one new alert: Discord accepted it (a broken embed would have been refused).
      expect(alerts.length - (before[i] ?? 0)).toBe(1);
      const m = alerts.at(-1) as StoredMessage;
      expect(m.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
      expect(m.allowedMentions).toMatchObject({ parse: [] });
      expectWithinLimits(m);
      c.check(m);
    }
    expect(rig.worker.metrics.failed).toBe(0);
  });

  test('a server that chose a ping role pings that role and nothing the article says', async () => {
    const [first] = rig.settings;
    const role = rig.emulator.guild(first!.guildId).roles.find((r) => r.name === 'Spoiler Watchers')!.id;
    await rig.stores.guilds.put({ ...first!, pingRoleId: role });
    await rig.deliver(releaseEvent({ sources: src({ sentence: '@everyone <@&111122223333444455> <@123456789012345678> premieres March 12, 2027.' }) }));
    const m = rig.alerts(rig.channels[0]!).at(-1) as StoredMessage;
    expect(m.pings).toEqual({ everyone: false, here: false, users: [], roles: [role] });
    const other = rig.alerts(rig.channels[1]!).at(-1) as StoredMessage;
    expect(other.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
    await rig.stores.guilds.put(first!);
  });
});
