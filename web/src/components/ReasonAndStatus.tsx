// The foot of a review panel (event and actor pages): the analyst's reason for the judgement, and
// what the last request said (an error, or what was applied).
export function ReasonAndStatus({ reason, onReason, error, done }: { reason: string; onReason(reason: string): void; error: string | null; done: string | null }) {
  return (
    <>
      <label className="field wide">
        <span>Reason (optional)</span>
        <input value={reason} onChange={(e) => onReason(e.target.value)} />
      </label>
      {error && <p role="alert">{error}</p>}
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
    </>
  );
}
