// Who says so, kept whole, as SQLite's 0013: whether an official statement was issued by the
// sides together (a joint statement) and the country of an outlet the base does not hold on the
// attributions and report attributions, and a
// correction's field, old and new values on the claims against a meeting (JSON; null: a denial).
export default [
  `ALTER TABLE attributions ADD COLUMN joint BOOLEAN NOT NULL DEFAULT false`,
  `ALTER TABLE report_attributions ADD COLUMN joint BOOLEAN NOT NULL DEFAULT false`,
  `ALTER TABLE attributions ADD COLUMN country TEXT`,
  `ALTER TABLE report_attributions ADD COLUMN country TEXT`,
  `ALTER TABLE denial_claims ADD COLUMN correction TEXT`,
];
