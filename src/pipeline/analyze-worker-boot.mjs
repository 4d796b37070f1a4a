// Worker threads do not inherit the parent's module hooks: register Parley's TypeScript loader
// (src/runtime/), then load the worker.
import '../runtime/register.mjs';

await import('./analyze-worker.ts');
