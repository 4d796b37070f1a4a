// The browse index is kept by the writers: every write of the store (a batch, a re-extraction,
// a judgement, a source judgement) brings the index up to date before it returns, so readers
// (`parley events`, the server's GETs) only read, and a reader beside an ingest never writes or
// waits for the write lock. Both adapters wrap their store in this.
//
// An index left behind (a database written by an older Parley, or a migration that made every
// summary stale) is brought up to date by the next write command, or at once by `parley reindex`.
import type { NewJudgement } from '../core/types.ts';
import type { Store } from './store.ts';

/** Ids a judgement may change the events of: its subjects and the actors its value names. */
export function judgementTouches(judgement: Pick<NewJudgement, 'subjects' | 'value'>): string[] {
  const value = judgement.value ?? {};
  return [...judgement.subjects, ...(value.participants ?? []), ...(value.place ? [value.place] : [])];
}

export function maintainingBrowse(store: Store): Store {
  const browse = () => store.browse();
  /** Re-indexes what a judgement can change: stale events, and those touching its ids before and after. */
  async function rederive<T>(ids: readonly string[], change: () => Promise<T>): Promise<T> {
    const before = await browse().eventsTouching(ids);
    const result = await change();
    await browse().sync();
    await browse().refresh([...before, ...(await browse().eventsTouching(ids))]);
    return result;
  }
  let sources: ReturnType<Store['sources']> | undefined;
  return {
    ...store,
    async saveBatch(analyses) {
      const result = await store.saveBatch(analyses);
      await browse().sync();
      return result;
    },
    async replaceAnalyses(analyses) {
      const result = await store.replaceAnalyses(analyses);
      await browse().sync();
      return result;
    },
    addJudgement: (input) => rederive(judgementTouches(input), () => store.addJudgement(input)),
    async undoJudgement(id, author, reason) {
      const judgement = (await store.listJudgements()).find((j) => j.id === id);
      return rederive(judgement ? judgementTouches(judgement) : [], () => store.undoJudgement(id, author, reason));
    },
    sources() {
      const table = store.sources();
      // statuses follow a source judgement at once
      return (sources ??= {
        ...table,
        async addJudgement(input, now) {
          const judgement = await table.addJudgement(input, now);
          await browse().sync();
          return judgement;
        },
        async undoJudgement(id, author, now) {
          const judgement = await table.undoJudgement(id, author, now);
          await browse().sync();
          return judgement;
        },
      });
    },
  };
}
