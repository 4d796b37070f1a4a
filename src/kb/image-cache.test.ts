// The image cache: read back equal to what was built, built once per key, rebuilt when damaged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKnowledgeBase, openKnowledgeBase } from '../actors/knowledge-base.ts';
import { cacheDir, cachedImage, inputsKey } from './image-cache.ts';

test('an image is built once per key, read back equal, and rebuilt when its file is damaged', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-imgcache-'));
  try {
    const input = join(dir, 'in.json');
    writeFileSync(input, '[]');
    const image = () => buildKnowledgeBase([{ id: 'nadia-orlova', kind: 'person', name: 'Nadia Orlova', aliases: ['Надя Орлова'] }]).image;
    let builds = 0;
    const build = () => (builds++, image());
    const key = inputsKey([input], { base: 'test' });
    const first = cachedImage(key, build, dir);
    const second = cachedImage(key, build, dir);
    assert.equal(builds, 1);
    assert.ok(second.buffer instanceof SharedArrayBuffer);
    assert.deepEqual(new Uint8Array(second.buffer), new Uint8Array(first.buffer));
    assert.deepEqual(openKnowledgeBase(second).byName.get('надя орлова'), ['nadia-orlova']);
    // another input, another key
    writeFileSync(input, '[1]');
    assert.notEqual(inputsKey([input], { base: 'test' }), key);
    assert.notEqual(inputsKey([input], { base: 'other' }), inputsKey([input], { base: 'test' }));
    // a file cut short is not read: the image is built again
    const file = readdirSync(dir).find((f) => f.endsWith('.bin'))!;
    writeFileSync(join(dir, file), Buffer.from([40, 0, 0, 0, 1, 2]));
    cachedImage(key, build, dir);
    assert.equal(builds, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cache folder another user could write to is not used: a planted image is never read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-imgcache-'));
  try {
    const input = join(dir, 'in.json');
    writeFileSync(input, '[]');
    const planted = buildKnowledgeBase([{ id: 'planted', kind: 'person', name: 'Nadia Orlova', aliases: [] }]).image;
    const real = buildKnowledgeBase([{ id: 'nadia-orlova', kind: 'person', name: 'Nadia Orlova', aliases: [] }]).image;
    const key = inputsKey([input], { base: 'test' });
    const shared = join(dir, 'shared');
    // someone writes an image under the right key, then leaves the folder writable by all
    cachedImage(key, () => planted, shared);
    chmodSync(shared, 0o777);
    let builds = 0;
    const image = cachedImage(key, () => (builds++, real), shared);
    assert.equal(builds, 1);
    assert.deepEqual(openKnowledgeBase(image).byName.get('nadia orlova'), ['nadia-orlova']);
    // the same folder made private again is used
    chmodSync(shared, 0o700);
    assert.deepEqual(openKnowledgeBase(cachedImage(key, () => real, shared)).byName.get('nadia orlova'), ['planted']);
    assert.match(cacheDir({}), /parley-cache-\d+$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
