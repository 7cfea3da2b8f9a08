/**
 * A newcomer copies README commands into a new shell, often on an older Node than Hyosan needs.
 * Every command there that runs Node (npm, npx, node) must first source scripts/node-env.sh,
 * which puts a recent enough Node on the PATH of that shell.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');

/** Fenced blocks' lines, and inline `code` that reads as a command. */
function commands(text: string): string[] {
  const out: string[] = [];
  for (const block of text.matchAll(/```(?:sh|bash)?\n([\s\S]*?)```/g)) {
    for (const line of (block[1] ?? '').split('\n')) if (line.trim()) out.push(line.trim());
  }
  const prose = text.replace(/```[\s\S]*?```/g, '');
  for (const span of prose.matchAll(/`([^`\n]+)`/g)) out.push((span[1] ?? '').trim());
  return out;
}

/** A command that starts Node: npm/npx/node as a program, not a word in a sentence. */
function runsNode(command: string): boolean {
  return /(?:^|&&\s*|\s)(?:npm (?:ci|start|test|run\b)|npx |node )/.test(command) && !/^npm (?:start|test|run deploy)$/.test(command);
}

describe('README', () => {
  const runnable = commands(readme).filter(runsNode);

  test('has commands to check', () => {
    expect(runnable.length).toBeGreaterThan(8);
  });

  test.each(runnable.map((c) => [c]))('sources node-env.sh first: %s', (command) => {
    expect(command).toMatch(/^\. scripts\/node-env\.sh && /);
  });
});
