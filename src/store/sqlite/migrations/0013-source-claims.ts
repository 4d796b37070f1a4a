// Who says so, kept whole: whether an official statement was issued by the sides together (a
// joint statement, their own readout) and the country of an outlet the knowledge base does not
// hold ("Turkish media") on the attributions and report attributions, and a
// correction's field, old and new values on the claims against a meeting (JSON; null: a denial).
export default [
  `ALTER TABLE attributions ADD COLUMN joint INTEGER NOT NULL DEFAULT 0`,
  `ALTER TABLE report_attributions ADD COLUMN joint INTEGER NOT NULL DEFAULT 0`,
  `ALTER TABLE attributions ADD COLUMN country TEXT`,
  `ALTER TABLE report_attributions ADD COLUMN country TEXT`,
  `ALTER TABLE denial_claims ADD COLUMN correction TEXT`,
];
