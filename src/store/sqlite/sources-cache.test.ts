// The sources table keeps report attributions and text signatures as read (sources.ts): what it
// hands out must be what is stored, after another connection writes (another process ingesting
// into the same file) and after a document is analysed again on this connection.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { createPipeline, forStorage } from '../../pipeline/analyze.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { createSourcesTable } from './sources.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-sources-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('kept attributions and signatures follow writes of other connections and re-analysed documents', async () => {
  const file = join(dir, 'cache.db');
  const text = 'Foreign Minister Sergei Lavrov met Turkish Foreign Minister Hakan Fidan in Moscow on Monday, Reuters reported.\n';
  const analysis = forStorage(createPipeline().analyze({ id: 'c1', hash: createHash('sha256').update(text).digest('hex'), text, source: {}, meta: {} }));
  const store = openSqliteStore(file);
  await store.saveBatch([analysis]);
  await store.close();
  const reportId = analysis.reports[0]?.id;
  assert.ok(reportId, 'the text gives a report');

  const db = new Database(file);
  const other = new Database(file);
  try {
    const reader = createSourcesTable(db);
    const first = (await reader.reportAttributions([reportId]))!.get(reportId)!;
    assert.ok(first.length > 0, 'the report has its attributions');
    const signature = (await reader.signatures(['c1'])).get('c1')!;
    assert.equal(signature.length, 64);

    // another connection changes the rows: the next read sees them
    other.prepare("UPDATE report_attributions SET name = 'Changed elsewhere' WHERE report_id = ?").run(reportId);
    other.prepare('UPDATE text_signatures SET minhash = ? WHERE doc_id = ?').run(Buffer.alloc(64 * 4), 'c1');
    assert.ok((await reader.reportAttributions([reportId])).get(reportId)!.every((a) => a.name === 'Changed elsewhere'));
    assert.deepEqual((await reader.signatures(['c1'])).get('c1'), Array(64).fill(0));

    // this connection saves the document again (what replaceAnalyses does): every table of the
    // connection drops what it kept of it
    const writer = createSourcesTable(db);
    db.prepare("UPDATE report_attributions SET name = 'Analysed again' WHERE report_id = ?").run(reportId);
    writer.save('c1', text.length, { attributions: [], reports: {}, denials: [], signature: [...signature] }, new Set([reportId]), () => {});
    assert.ok((await reader.reportAttributions([reportId])).get(reportId)!.every((a) => a.name === 'Analysed again'));
    assert.deepEqual((await reader.signatures(['c1'])).get('c1'), signature);
    // what is handed out is shared: frozen
    assert.ok(Object.isFrozen((await reader.reportAttributions([reportId])).get(reportId)));
  } finally {
    db.close();
    other.close();
  }
});
