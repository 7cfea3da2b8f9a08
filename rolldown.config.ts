/**
 * `npm run build`: the bot as `npm start` runs it, bundled from src/ into dist/.
 *
 * Why a bundle rather than one compiled file per module: Node keeps every module's source text
 * in memory for the life of the process (functions compile lazily from it), and a source file
 * with a single non-ASCII character (a curly quote or Hangul in a pattern) is held at two bytes
 * a character. Written out with comments dropped and non-ASCII characters escaped, the bot's own
 * code is about half the size on disk and a quarter in memory, in a handful of chunks instead of
 * some 150 modules. Identifiers are not mangled, so stack traces in the logs still read. The
 * dependencies stay in node_modules, loaded as they are; the parts loaded only when needed (the
 * feed reader and fact engine, the Redis and PostgreSQL stores) stay separate chunks.
 * See docs/decisions/0007-memory-at-start-and-under-load.md.
 */
import { builtinModules } from 'node:module';
import { defineConfig } from 'rolldown';

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

export default defineConfig({
  input: { main: 'src/main.ts' },
  platform: 'node',
  // Everything not written here is a package or a Node built-in: left to Node to load.
  external: (id) => builtins.has(id) || id.startsWith('node:') || !/^[./]|^[A-Za-z]:[\\/]/.test(id),
  output: {
    dir: 'dist',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    charset: 'ascii',
    comments: false,
    cleanDir: true,
  },
});
