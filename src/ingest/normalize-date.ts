// Publication dates as sources give them (ISO 8601, RFC 822 in RSS, "2024-03-21 10:00") -> an ISO
// date or date-time that keeps the calendar day the source states (no shift to UTC).
const RFC822_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function valid(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function normalizeDate(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!s || s.length > 100) return null;
  const iso = s.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i);
  if (iso) {
    if (!valid(+iso[1], +iso[2], +iso[3])) return null;
    const day = `${iso[1]}-${iso[2]}-${iso[3]}`;
    if (!iso[4]) return day;
    const zone = iso[7] ? (iso[7].toUpperCase() === 'Z' ? 'Z' : iso[7].length === 5 ? `${iso[7].slice(0, 3)}:${iso[7].slice(3)}` : iso[7]) : '';
    return `${day}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${zone}`;
  }
  const month = s.match(/^\d{4}-(\d{2})$/);
  if (month) return +month[1] >= 1 && +month[1] <= 12 ? s : null;
  // RFC 822 / 2822: "Tue, 21 Mar 2023 10:00:00 +0300"
  const rfc = s.match(/^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/);
  if (rfc) {
    const m = RFC822_MONTHS.indexOf(rfc[2].toLowerCase()) + 1;
    let y = +rfc[3];
    if (rfc[3].length === 2) y += y < 50 ? 2000 : 1900;
    if (m === 0 || !valid(y, m, +rfc[1])) return null;
    const day = `${y}-${pad(m)}-${pad(+rfc[1])}`;
    return rfc[4] ? `${day}T${pad(+rfc[4])}:${rfc[5]}:${rfc[6] ?? '00'}` : day;
  }
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms);
  if (d.getUTCFullYear() < 1000 || d.getUTCFullYear() > 9999) return null;
  return d.toISOString();
}

/** The calendar day of a normalized date, or null. */
export function dayOf(value: string | null | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}
