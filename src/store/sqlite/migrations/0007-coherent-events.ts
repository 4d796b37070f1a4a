// Merge rules v4 (merge-reports.ts): a contradiction between any two reports keeps them out of
// one event, where v3 let a chain of pairwise agreements join them (undated reports bridged a
// pair's meetings of months into one event). Events are derived data: they are dropped here and
// the store derives them again from the reports and judgements when it opens a database whose
// reports are in no event (createResolution in resolution.ts). Judgements are kept.
export default [`DELETE FROM events`];
