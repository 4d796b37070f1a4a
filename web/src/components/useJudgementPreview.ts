// What the review panels (event and actor pages) share about a judgement's preview: a preview is of
// the choices made when it was asked for, so changing any of them drops it (`changed`), and an
// answer to an older request never shows over a newer choice (requests are numbered; only the
// latest one's answer or error is shown). The panel opens when a preview arrives and otherwise stays
// as the analyst leaves it: dropping a stale preview never folds the form away under their hands.
import { useRef, useState } from 'react';
import { api, ApiError, type JudgementPreview, type NewJudgement } from '../api.ts';

const AUTHOR_KEY = 'parley-author';

export interface JudgementPreviewState {
  preview: JudgementPreview | null;
  error: string | null;
  done: string | null;
  /** Whether the review panel (a <details>) is open. */
  open: boolean;
  setOpen(open: boolean): void;
  /** Asks for a preview of this judgement; the answer shows only if nothing was asked or changed since. */
  ask(judgement: Omit<NewJudgement, 'author'>, reason: string): Promise<void>;
  /** A choice the preview depends on changed: the preview (and any answer still on its way) is dropped. */
  changed(): void;
  /** The analyst cancelled the preview. */
  cancel(): void;
  /** The preview was applied: it is dropped and `message` shown. */
  applied(message: string): void;
}

export function useJudgementPreview(token: string | null): JudgementPreviewState {
  const [preview, setPreview] = useState<JudgementPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const asked = useRef(0);
  const changed = () => {
    asked.current++;
    setPreview(null);
  };
  const ask = async (judgement: Omit<NewJudgement, 'author'>, reason: string) => {
    setError(null);
    setDone(null);
    const author = localStorage.getItem(AUTHOR_KEY) || 'analyst';
    const mine = ++asked.current;
    try {
      const answer = await api.post<JudgementPreview>('/api/judgements/preview', { ...judgement, author, reason: reason || null }, token ?? '');
      if (mine !== asked.current) return;
      setPreview(answer);
      setOpen(true);
    } catch (e) {
      if (mine !== asked.current) return;
      setPreview(null);
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return {
    preview,
    error,
    done,
    open,
    setOpen,
    ask,
    changed,
    cancel: changed,
    applied(message) {
      changed();
      setDone(message);
    },
  };
}
