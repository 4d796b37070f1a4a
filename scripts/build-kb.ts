// npm run kb:build [-- --data DIR --out DIR]: regenerates data/kb/generated/ from the open data
// (default ../shared/data beside the checkout) and the hand-written entries.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DEFAULT_GENERATED_DIR, generateKnowledgeBase, writeGenerated } from '../src/kb/generate.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: fileURLToPath(new URL('../../shared/data/', import.meta.url)) },
    out: { type: 'string', default: DEFAULT_GENERATED_DIR },
    holders: { type: 'string', multiple: true },
    entities: { type: 'string', multiple: true },
    quiet: { type: 'boolean', default: false },
    'native-names': { type: 'boolean', default: false },
  },
});
const started = Date.now();
const result = await generateKnowledgeBase({
  dataDir: values.data!,
  holderFiles: values.holders ?? [],
  entityFiles: values.entities ?? [],
  nativeNames: values['native-names'],
  progress: values.quiet ? undefined : (stage, n) => process.stderr.write(`\r${stage}: ${n}   `),
});
writeGenerated(result, values.out);
const withRoles = result.people.filter((p) => p.roles?.length).length;
const withCoords = result.places.filter((p) => p.lat !== undefined).length + result.links.filter((l) => l.lat !== undefined).length;
process.stderr.write('\n');
console.log(`people ${result.people.length} (${withRoles} with dated roles), places ${result.places.length} (${withCoords} with coordinates, linked included), links to hand-written entries ${result.links.length}`);
if (result.unresolvedJurisdictions.length) console.log(`jurisdictions kept as their own ids: ${result.unresolvedJurisdictions.join(', ')}`);
console.log(`written to ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
