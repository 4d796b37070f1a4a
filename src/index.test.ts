import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as parley from './index.ts';

test('the public entry exports exactly these values', () => {
  assert.deepEqual(Object.keys(parley).sort(), [
    'DEFAULT_MAX_BYTES',
    'MERGE_VERSION',
    'ParleyError',
    'blockingKeys',
    'buildEventsCsv',
    'buildEventsJson',
    'createPipeline',
    'exitCodeFor',
    'judgePair',
    'listTextFiles',
    'lookupKeys',
    'mergeReports',
    'openSqliteStore',
    'readTextFile',
    'readTextFiles',
    'runIngest',
    'sha256',
    'summarizeEvent',
  ]);
});
