/**
 * The CLI section's baseline: rss-parser parsing a feed file and nothing else — what any script
 * that reads the same file has to pay. Prints the item count so the work cannot be skipped.
 */
import { readFile } from 'node:fs/promises';
import Parser from 'rss-parser';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/rss-parser-alone.ts <feed-file>');
const feed = await new Parser().parseString(await readFile(file, 'utf8'));
process.stdout.write(`${feed.items.length} items\n`);
