// Every schema change is a new numbered file here, appended to this list; applied ones are
// recorded in schema_migrations and never edited.
import initial from './0001-initial.ts';
import judgements from './0002-judgements.ts';
import descriptors from './0003-descriptors.ts';
import browse from './0004-browse.ts';
import documentSources from './0005-document-sources.ts';
import weeklyBlocking from './0006-weekly-blocking.ts';
import coherentEvents from './0007-coherent-events.ts';
import anchoredMerge from './0008-anchored-merge.ts';
import sources from './0009-sources.ts';
import eventRedirects from './0010-event-redirects.ts';
import localActors from './0011-local-actors.ts';
import browseSources from './0012-browse-sources.ts';
import sourceClaims from './0013-source-claims.ts';
import browseDirty from './0014-browse-dirty.ts';

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', statements: initial },
  { version: 2, name: 'judgements', statements: judgements },
  { version: 3, name: 'descriptors', statements: descriptors },
  { version: 4, name: 'browse', statements: browse },
  { version: 5, name: 'document-sources', statements: documentSources },
  { version: 6, name: 'weekly-blocking', statements: weeklyBlocking },
  { version: 7, name: 'coherent-events', statements: coherentEvents },
  { version: 8, name: 'anchored-merge', statements: anchoredMerge },
  { version: 9, name: 'sources', statements: sources },
  { version: 10, name: 'event-redirects', statements: eventRedirects },
  { version: 11, name: 'local-actors', statements: localActors },
  { version: 12, name: 'browse-sources', statements: browseSources },
  { version: 13, name: 'source-claims', statements: sourceClaims },
  { version: 14, name: 'browse-dirty', statements: browseDirty },
];
