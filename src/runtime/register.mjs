// Registers src/runtime/ts-hooks.mjs, so the importing thread can load Parley's `.ts` sources:
// `node --import ./src/runtime/register.mjs file.ts`, or `import '../runtime/register.mjs'` first
// thing in a worker thread's boot script (threads do not inherit their parent's hooks). Stack
// traces name TypeScript lines through the inline source maps.
import { register } from 'node:module';

process.setSourceMapsEnabled(true);
register('./ts-hooks.mjs', import.meta.url);
