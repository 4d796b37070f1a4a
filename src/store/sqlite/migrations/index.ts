// Every schema change is a new numbered file here, appended to this list; applied ones are
// recorded in schema_migrations and never edited.
import initial from './0001-initial.ts';

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', statements: initial }];
