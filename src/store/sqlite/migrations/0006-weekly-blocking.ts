// Blocking keys split a participant key by week instead of by month (merge-reports.ts). The
// month keys are dropped here; the store derives the keys of every report again when it opens
// a database whose reports have none (createResolution in resolution.ts). Events are unchanged: keys
// only decide which reports are compared, and reports a week apart could never agree anyway.
export default [`DELETE FROM report_keys`];
