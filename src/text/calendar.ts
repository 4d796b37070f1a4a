// Digits of every script and dates of other calendars (Solar Hijri, Islamic), as ICU reads
// them, turned into Gregorian days. Texts are never rewritten: callers pass the matched words.

/** Calendars a date may be written in (ICU names). */
export type CalendarName = 'gregorian' | 'persian' | 'islamic-umalqura' | 'islamic-civil' | 'hebrew';

/** The value of a run of decimal digits of any script (٢٠٢٤, ۲۰۲۴, 2024), or NaN. */
export function readDigits(s: string): number {
  let n = 0;
  for (const ch of s) {
    const d = digitValue(ch);
    if (d < 0) return Number.NaN;
    n = n * 10 + d;
  }
  return s.length ? n : Number.NaN;
}

/** Unicode decimal digits come in runs of ten from zero (some runs of several tens): a digit's
 * value is its distance from the start of its run, modulo ten. */
function digitValue(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (!/\p{Nd}/u.test(ch)) return -1;
  let start = cp;
  while (start > cp - 60 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Year, month, day of a Gregorian day (ISO string) in another calendar. */
export function fromGregorian(calendar: CalendarName, day: string): { y: number; m: number; d: number } {
  if (calendar === 'gregorian') {
    const [y, m, d] = day.split('-').map(Number);
    return { y, m, d };
  }
  let f = formatters.get(calendar);
  if (!f) {
    f = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(calendar, f);
  }
  const parts = f.formatToParts(new Date(`${day}T12:00:00Z`));
  const get = (t: string): number => parseInt(parts.find((p) => p.type === t)?.value ?? 'NaN', 10);
  return { y: get('year'), m: get('month'), d: get('day') };
}

const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;
/** Mean days per year, and the Gregorian year 0 of each calendar's year 0. */
const SHAPE: Record<Exclude<CalendarName, 'gregorian'>, { yearDays: number; epoch: number }> = {
  persian: { yearDays: 365.2422, epoch: Date.UTC(621, 2, 21) },
  'islamic-umalqura': { yearDays: 354.367, epoch: Date.UTC(622, 6, 19) },
  'islamic-civil': { yearDays: 354.367, epoch: Date.UTC(622, 6, 19) },
  hebrew: { yearDays: 365.2468, epoch: Date.UTC(-3760, 8, 7) },
};

/** The Gregorian day (ISO string) of a date in `calendar`, or null when there is no such day. */
export function toGregorian(calendar: CalendarName, y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 13 || d < 1 || d > 31) return null;
  if (calendar === 'gregorian') {
    const t = Date.UTC(y, m - 1, d);
    const back = new Date(t);
    return back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? iso(t).replace(/^\+?0*(\d{4})/, '$1') : null;
  }
  const shape = SHAPE[calendar];
  // estimate, then walk by the difference the calendar itself reports
  let t = shape.epoch + ((y - 1) * shape.yearDays + (m - 1) * (shape.yearDays / 12) + (d - 1)) * DAY;
  for (let i = 0; i < 6; i++) {
    const got = fromGregorian(calendar, iso(t));
    if (got.y === y && got.m === m && got.d === d) return iso(t);
    const diff = (y - got.y) * shape.yearDays + (m - got.m) * (shape.yearDays / 12) + (d - got.d);
    t += Math.round(diff) * DAY;
  }
  // a day that the month lacks (30 Esfand in a common year) is found by none of the steps
  for (let k = -3; k <= 3; k++) {
    const got = fromGregorian(calendar, iso(t + k * DAY));
    if (got.y === y && got.m === m && got.d === d) return iso(t + k * DAY);
  }
  return null;
}
