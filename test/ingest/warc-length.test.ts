// WARC records whose Content-Length lies: each is reported with the file and the record's offset,
// read up to the real next record header, and the records after it are still read.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readInputs } from '../../src/ingest/read-inputs.ts';
import type { ReadResult } from '../../src/ingest/options.ts';
import { httpResponse, newsPage, PARAGRAPHS, warcRecord } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-warc-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const page = (title: string) => warcRecord('response', `https://arch.example/${title.replace(/\W+/g, '-')}`, httpResponse(newsPage({ title, paragraphs: PARAGRAPHS })));
/** A record whose Content-Length is off by `delta` bytes. */
const lying = (record: Buffer, delta: number) =>
  Buffer.from(record.toString('latin1').replace(/Content-Length: (\d+)\r\n\r\nHTTP/, (_m, n) => `Content-Length: ${Number(n) + delta}\r\n\r\nHTTP`), 'latin1');

async function read(file: string, options = {}): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readInputs([file], options)) out.push(r);
  return out;
}

test('a Content-Length too long, too short or far past the end is reported with its offset, and every record after it is read', async () => {
  const first = page('First talks');
  const tooLong = lying(page('Second talks'), 300);
  const third = page('Third talks');
  const tooShort = lying(page('Fourth talks'), -500);
  const fifth = page('Fifth talks');
  const huge = lying(warcRecord('response', 'https://arch.example/img', httpResponse('GIF89a', 'image/gif')), 500_000_000);
  const last = page('Last talks');
  const parts = [first, tooLong, third, tooShort, fifth, huge, last];
  const offsets = parts.map((_, i) => parts.slice(0, i).reduce((sum, p) => sum + p.length, 0));
  const plain = join(dir, 'lying.warc');
  writeFileSync(plain, Buffer.concat(parts));
  const gz = join(dir, 'lying.warc.gz');
  writeFileSync(gz, Buffer.concat(parts.map((p) => gzipSync(p))));
  for (const file of [plain, gz]) {
    const rs = await read(file, { maxFileBytes: 10_000_000 });
    const titles = rs.filter((r) => r.document).map((r) => r.document!.text.split('\n')[0]);
    assert.deepEqual(titles, ['First talks', 'Second talks', 'Third talks', 'Fourth talks', 'Fifth talks', 'Last talks']);
    // the recovered records are whole: the page's last paragraph is there
    for (const r of rs.filter((x) => x.document)) assert.ok(r.document!.text.includes(PARAGRAPHS[PARAGRAPHS.length - 1].slice(0, 40)), r.document!.text.slice(0, 80));
    const lies = rs.filter((r) => r.diagnostic?.code === 'warc/bad-length').map((r) => r.diagnostic!);
    assert.equal(lies.length, 3, JSON.stringify(rs.filter((r) => r.diagnostic)));
    for (const [k, i] of [1, 3, 5].entries()) {
      assert.equal(lies[k].file, `${file}#${i + 1}`);
      assert.match(lies[k].message, new RegExp(`at byte ${offsets[i]}\\b`));
    }
    assert.deepEqual(rs.filter((r) => r.diagnostic && r.diagnostic.code !== "warc/bad-length").map((r) => r.diagnostic), []);
  }
});

test('garbage between records is reported and skipped up to the next record header', async () => {
  const file = join(dir, 'garbage.warc');
  writeFileSync(file, Buffer.concat([page('First talks'), Buffer.from('this is not a record\r\n\r\n'), page('Last talks')]));
  const rs = await read(file);
  assert.deepEqual(rs.filter((r) => r.document).map((r) => r.document!.text.split('\n')[0]), ['First talks', 'Last talks']);
  assert.match(rs.find((r) => r.diagnostic)!.diagnostic!.message, /not a WARC record header at byte \d+/);
});
