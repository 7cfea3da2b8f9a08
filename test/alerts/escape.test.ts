import { describe, expect, test } from 'vitest';
import {
  DISCORD_LIMITS,
  ELLIPSIS,
  escapeMarkdown,
  neutraliseMentions,
  safeInline,
  safeText,
  safeUrl,
  stripInvisible,
  stripMaskedLinks,
  truncate,
} from '../../src/alerts/escape.ts';
import { formatAlert } from '../../src/alerts/format-alert.ts';
import type { AlertMessage } from '../../src/alerts/types.ts';
import { factEvent, source } from './helpers/fixtures.ts';

const ROLE = '222222222222222222';

const HOSTILE: [string, string][] = [
  ['@everyone', '@everyone Season 2 is here'],
  ['@here', '@here filming wrapped'],
  ['upper-case @EVERYONE', '@EVERYONE caps lock'],
  ['role mention', '<@&123456789012345678> ping the role'],
  ['user mention', '<@123456789012345678> hello'],
  ['nickname mention', '<@!123456789012345678> nick'],
  ['channel mention', '<#123456789012345678> go here'],
  ['slash command mention', '</deploy:123456789012345678> run it'],
  ['timestamp syntax', '<t:1805025600:R> soon'],
  ['animated emoji', '<a:dance:123456789012345678> party'],
  ['masked link', '[Official trailer](https://evil.example/phish)'],
  ['javascript masked link', '[click here](javascript:alert(1))'],
  ['nested masked link', '[outer [inner](https://a.example)](https://b.example)'],
  ['heading', '# Breaking: season 2 cancelled'],
  ['more headings', '## sub heading\n### third heading'],
  ['lists', '- dash item\n* star item\n+ plus item\n1. numbered item'],
  ['quotes', '> quoted\n>>> block quote'],
  ['subtext', '-# small print'],
  ['inline markdown', '**bold** __under__ ~~strike~~ ||spoiler|| `code` ```block```'],
  ['zero width inside @everyone', 'hidden @every\u200Bone and @he\u200Dre'],
  ['RTL override', 'file \u202Egpj.exe\u202C override'],
  ['bidi isolates and marks', 'isolate \u2066text\u2069 and \u200F\u200E marks \u061C'],
  ['control characters', 'bell \u0007 escape \u001B[31m null \u0000 del \u007F c1 \u0085'],
  ['tag characters', 'tags \u{E0041}\u{E0042}\u{E007F} end'],
  ['byte order mark', '\uFEFFstarts with a BOM'],
  ['lone surrogate', 'broken \uD800 text'],
  ['backslash before mention', '\\@everyone and \\<@&123456789012345678>'],
  ['10 000-character title', 'A'.repeat(10_000)],
  ['10 000 characters of @everyone', '@everyone '.repeat(1_000)],
  ['10 000 newlines and headings', '# x\n'.repeat(2_500)],
];

/** Every piece of text, in every language the alert is written in. */
function allText(message: AlertMessage): string[] {
  const out = [message.content];
  const embeds = [...message.embeds, ...Object.values(message.languages ?? {}).flatMap((m) => m.embeds)];
  for (const e of embeds) {
    out.push(e.title, e.description, e.footer.text);
    for (const f of e.fields) out.push(f.name, f.value);
  }
  return out;
}

function embedTotal(message: AlertMessage): number {
  const e = message.embeds[0];
  if (!e) return 0;
  return e.title.length + e.description.length + e.footer.text.length + e.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** Removes backslash escapes so what is left is what Discord would read as markup. */
function unescaped(text: string): string {
  return text.replace(/\\[\s\S]/g, '');
}

function hostileAlert(text: string): AlertMessage {
  return formatAlert(
    factEvent({
      kind: 'cast',
      reason: 'new',
      subject: text,
      value: 'new',
      previous: null,
      character: text,
      sources: [{ ...source('x', 'story'), outlet: text, sentence: text, title: text }],
    }),
    { showTitle: text, pingRoleId: ROLE },
  );
}

describe('hostile feed text', () => {
  test('the table covers at least 20 hostile strings', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(20);
  });

  test.each(HOSTILE)('%s: nothing pings, nothing hides, limits hold', (_name, text) => {
    const message = hostileAlert(text);
    expect(message.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });
    // Feed text never reaches content: it is the role mention and nothing else.
    expect(message.content).toBe(`<@&${ROLE}>`);
    for (const [i, field] of allText(message).entries()) {
      const body = i === 0 ? field.slice(`<@&${ROLE}>`.length) : field;
      expect(body).not.toMatch(/@(everyone|here)/i);
      expect(body).not.toMatch(/<(@[!&]?|#|\/|a?:|t:)/);
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(body).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200C-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u);
      expect(body).not.toMatch(/[\u{E0000}-\u{E007F}]/u);
      expect(body).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      // The only zero-width space left is the one that breaks a mention.
      for (const m of body.matchAll(/\u200B/g)) expect(body[(m.index ?? 0) - 1]).toMatch(/[@<]/);
      // Every link target is a web address; no masked link survives from the feed.
      for (const m of body.matchAll(/\]\(([^)]*)\)/g)) expect(m[1]).toMatch(/^https:\/\/x\.example\//);
    }
    const embed = message.embeds[0];
    expect(embed).toBeDefined();
    if (!embed) return;
    expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(embed.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(embed.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(embed.footer.text.length).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
    for (const f of embed.fields) {
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    expect(embedTotal(message)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    // The quoted sentence is one line of literal text: no markup left once escapes are removed.
    const quote = embed.description.split('\n').find((line) => line.startsWith('> '));
    expect(quote).toBeDefined();
    expect(unescaped(quote?.slice(2) ?? '')).not.toMatch(/[*_~|`[\]]/);
  });

  test.each([
    ['10 000-character title', 'A'.repeat(10_000)],
    ['10 000 characters of @everyone', '@everyone '.repeat(1_000)],
  ])('%s is cut with a visible ellipsis, never silently', (_name, text) => {
    const message = hostileAlert(text);
    for (const embed of [message.embeds[0], message.languages?.ko.embeds[0]]) {
      // The name and the character are each cut, visibly, and the title stays within Discord's limit.
      expect(embed?.title).toContain(ELLIPSIS);
      expect(embed?.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
      const quote = embed?.description.split('\n').find((line) => line.startsWith('> '));
      expect(quote?.endsWith(ELLIPSIS)).toBe(true);
      expect(embed?.footer.text.endsWith(ELLIPSIS)).toBe(true);
    }
  });

  test('without a configured role nothing at all may ping', () => {
    const message = formatAlert(factEvent({ sources: [source('Net', 'a', undefined, '@everyone <@&123456789012345678>')] }), { showTitle: 'Show' });
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.content).not.toMatch(/<@/);
  });

  test('a role id that is not a snowflake is not mentioned', () => {
    const message = formatAlert(factEvent(), { showTitle: 'Show', pingRoleId: '123> @everyone <@&1' });
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.content).not.toContain('<@&');
    expect(message.content).not.toContain('@everyone');
  });
});

describe('escaping helpers', () => {
  test.each([
    ['**bold**', '\\*\\*bold\\*\\*'],
    ['snake_case', 'snake\\_case'],
    ['~~gone~~', '\\~\\~gone\\~\\~'],
    ['||spoiler||', '\\|\\|spoiler\\|\\|'],
    ['`code`', '\\`code\\`'],
    ['[a]', '\\[a\\]'],
    ['back\\slash', 'back\\\\slash'],
    ['# heading', '\\# heading'],
    ['  ## indented heading', '  \\## indented heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['12. item', '12\\. item'],
    ['> quote', '\\> quote'],
    ['-# subtext', '\\-# subtext'],
    ['first line\n# second', 'first line\n\\# second'],
    ['Park Ji-hu - cast', 'Park Ji-hu - cast'],
  ])('escapeMarkdown(%j) → %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  test.each([
    ['@everyone', '@\u200Beveryone'],
    ['@here', '@\u200Bhere'],
    ['<@&1>', '<\u200B@&1>'],
    ['<#1>', '<\u200B#1>'],
    ['a < b', 'a < b'],
    ['mail@example.com', 'mail@example.com'],
  ])('neutraliseMentions(%j) → %j', (input, expected) => {
    expect(neutraliseMentions(input)).toBe(expected);
  });

  test('stripInvisible hands clean text back as it is, and still cleans each invisible one alone', () => {
    expect(stripInvisible('Kim Si-eun joins the cast — 시즌 2\n')).toBe('Kim Si-eun joins the cast — 시즌 2\n');
    for (const hidden of ['\u0000', '\t', '\r', '\u00AD', '\u200B', '\u202E', '\u2066', '\uFEFF', '\u{E0041}', '\uD800']) {
      expect(stripInvisible(`a${hidden}b`)).toBe(hidden === '\t' ? 'a b' : hidden === '\r' ? 'a\nb' : hidden === '\uD800' ? 'a\uFFFDb' : 'ab');
    }
    expect(stripInvisible('emoji 🎬 stays')).toBe('emoji 🎬 stays');
  });

  test('stripInvisible removes bidi, zero-width and control characters but keeps newlines', () => {
    expect(stripInvisible('a\u202Eb\u2066c\u200Bd\u0000e\nf\tg\r\nh')).toBe('abcde\nf g\nh');
  });

  test('stripMaskedLinks keeps the text and drops the target', () => {
    expect(stripMaskedLinks('see [the trailer](https://evil.example/x "title") now')).toBe('see the trailer now');
    expect(stripMaskedLinks('[x](javascript:alert(1))')).toBe('x');
  });

  test('truncate ends with an ellipsis, keeps surrogate pairs and escapes whole', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('ab\\*cd', 4)).toBe('ab…');
  });

  test('safeText keeps lines but escapes each line start', () => {
    expect(safeText('# one\n- two', 100)).toBe('\\# one\n\\- two');
    expect(safeInline('# one\n- two', 100)).toBe('\\# one - two');
  });

  test.each([
    ['javascript:alert(1)', undefined],
    ['data:text/html,hi', undefined],
    ['ftp://files.example/x', undefined],
    ['https://user:pw@site.example/', undefined],
    ['not a url', undefined],
    ['https://site.example/a b)c', 'https://site.example/a%20b%29c'],
    ['https://site.example/[x]*_', 'https://site.example/%5Bx%5D%2A%5F'],
    ['\u202Ehttps://site.example/ok', 'https://site.example/ok'],
    [`https://site.example/${'a'.repeat(500)}`, undefined],
    ['http://site.example/p?q=1#h', 'http://site.example/p?q=1#h'],
  ])('safeUrl(%j) → %j', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});
