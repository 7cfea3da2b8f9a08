/**
 * `npm start`. Node's compile cache is switched on before anything else loads: from the second
 * start on, the bot's TypeScript is neither type-stripped nor compiled again but read back from
 * the cache. Stripping every file at start grew the type stripper's WebAssembly memory by some
 * 20 MB that is never given back, and compiling left garbage that made the young heap grow.
 * The cache lives where NODE_COMPILE_CACHE says, else in the system's temporary folder.
 * Static imports would be stripped before this line runs, so the bot comes in by import().
 */
import { enableCompileCache } from 'node:module';
import { keepYoungGenerationSmall } from './shared/young-generation.ts';

enableCompileCache();
// Before anything allocates: the young generation stays small (see young-generation.ts).
keepYoungGenerationSmall();
await import('./bot-main.ts');
