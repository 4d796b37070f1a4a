// Partial dates as the analyst types them (YYYY, YYYY-MM, YYYY-MM-DD), checked against the
// calendar: a shape check alone lets `2023-02-31` or `2023-13` through to every export.
// Hand-written because it is a few lines of Date.UTC arithmetic, not a parsing problem a date
// library would solve better, and every caller needs the same message.

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days in a month of the proleptic Gregorian calendar (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why `value` is not a calendar date of the form YYYY, YYYY-MM or YYYY-MM-DD, or null when it is.
 * The reason names the value and what is wrong with it, for an analyst to read.
 */
export function partialDateProblem(value: string): string | null {
  const m = SHAPE.exec(value);
  if (!m) return `"${value}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`;
  const year = Number(m[1]);
  if (year < 1) return `"${value}": there is no year 0000`;
  if (m[2] === undefined) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${value}": there is no month ${m[2]} (months are 01 to 12)`;
  if (m[3] === undefined) return null;
  const day = Number(m[3]);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `"${value}" is not a calendar date: ${MONTHS[month - 1]} ${year} has ${last} days`;
  return null;
}

export function isPartialDate(value: string): boolean {
  return partialDateProblem(value) === null;
}
