// Merge rules v5 (merge-reports.ts, time-anchor.ts): a report with no date in a document with no
// publication day is dated by the day its text speaks from (the latest full date it writes), and
// a report with no time at all no longer joins the one fitting event of people who meet
// repeatedly. Both change which reports are compared (their blocking keys now carry the anchor's
// weeks) and which join: keys and events are dropped here, and the store derives them again
// from the reports and judgements when it opens a database whose reports have none
// (createResolution in resolution.ts). Judgements are kept.
export default [`DELETE FROM report_keys`, `DELETE FROM events`];
