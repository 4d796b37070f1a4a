export interface PagerProps {
  total: number;
  offset: number;
  limit: number;
  onOffset: (offset: number) => void;
  /** "Next" by a cursor the list answered, instead of the next offset. */
  onNext?: () => void;
}

export function Pager({ total, offset, limit, onOffset, onNext }: PagerProps) {
  const last = Math.min(total, offset + limit);
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        ← Previous
      </button>
      <span aria-live="polite">
        {total === 0 ? 'nothing found' : `${offset + 1}–${last} of ${total.toLocaleString('en')}`}
      </span>
      <button type="button" disabled={last >= total} onClick={onNext ?? (() => onOffset(offset + limit))}>
        Next →
      </button>
    </nav>
  );
}
