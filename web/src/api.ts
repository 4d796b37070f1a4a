// The server's JSON API, as the pages use it. Everything goes through here.
export interface NamedRef {
  id: string;
  name: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A page of the event list; `next` is the cursor of the page after it (null on the last). */
export interface EventPage extends Page<EventRow> {
  next: string | null;
}

export interface EventRow {
  id: string;
  date: string | null;
  mode: string;
  place: NamedRef | null;
  participants: NamedRef[];
  reports: number;
  documents: number;
  outlets: string[];
  conflicts: number;
  snippet: string;
  /** Who says so (null: not analysed for its sources). */
  status: 'confirmed' | 'corroborated' | 'single-source' | 'disputed' | null;
  independentSources: number | null;
  /** Wire agencies its reports' words come from, apart from the outlets. */
  sources: NamedRef[];
  languages: string[];
}

/** A value to filter events by, with how many events have it. */
export interface Facet {
  id: string;
  name: string;
  events: number;
}

export interface Facets {
  sources: Facet[];
  languages: Facet[];
  countries: Facet[];
  statuses: Facet[];
}

export interface Span {
  start: number;
  end: number;
}

export interface Report {
  id: string;
  docId: string;
  mode: string;
  trigger: Span;
  evidence: Span[];
  participants: { actorId: string; spans: Span[] }[];
  date: { value: string; span: Span | null } | null;
  place: { actorId: string; span: Span } | null;
  quotes: string[];
  /** Who the report's words come from (absent from servers without src/sources/). */
  attribution?: Attribution[];
}

export type AttributionKind = 'own' | 'wire' | 'outlet' | 'official' | 'unnamed';

export interface Attribution {
  kind: AttributionKind;
  source: string | null;
  name: string | null;
  span: Span | null;
  side?: string | null;
}

export interface SourceChain {
  id: string;
  origin: { kind: AttributionKind; source: string | null; name: string | null };
  documents: string[];
  first: { doc: string; outlet: string | null; published: string | null };
  followers: { doc: string; outlet: string | null; published: string | null; via: string; similarity?: number }[];
  cites: { doc: string; kind: AttributionKind; source: string | null; name: string | null }[];
}

export interface EventStatusInfo {
  status: 'confirmed' | 'corroborated' | 'single-source' | 'disputed';
  independent_sources: number;
  reports: number;
  reasons: string[];
  override: { status: string; reason: string; author: string; judgement: number } | null;
}

export interface Denial {
  id: string;
  doc: string;
  reason: string;
  sentence: Span;
  cue: Span | null;
  trigger: Span;
  participants: string[];
  date: string | null;
  by: { actor: string | null; name: string | null; span: Span } | null;
  /** a correction (reason 'corrected'): what it changes, the wrong and the right values */
  correction?: { field: string | null; old: CorrectedValue[]; new: CorrectedValue[] };
}

export interface CorrectedValue {
  value: string;
  text: string;
  span: Span;
}

export interface DocumentInfo {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  author: string | null;
  published: string | null;
  language: string;
  /** The whole text: only when it is short (else `windows` hold the parts around the evidence). */
  text?: string;
  /** Length of the whole text (JavaScript string indices). */
  length: number;
  /** The text around what the reports mark, with offsets into the whole. */
  windows: TextWindow[];
}

export interface TextWindow {
  start: number;
  end: number;
  text: string;
}

export interface Conflict {
  field: string;
  values: { value: string; reports: string[] }[];
  chosen: string | null;
}

export interface EventDetail {
  id: string;
  date: string | null;
  place: string | null;
  mode: string;
  participants: { actorId: string; reports: string[] }[];
  conflicts: Conflict[];
  humanJudgements: number[];
  actors: Record<string, { id: string; name: string; kind: string }>;
  reports: Report[];
  documents: Record<string, DocumentInfo>;
  sources?: SourceChain[];
  status?: EventStatusInfo;
  denials?: Denial[];
}

export interface ActorRow {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  events: number;
  /** How a typed name reached this actor through the knowledge base. */
  resolved?: { via: string; matched: string };
}

/** An actor filter value that was not an id, and the actor it resolved to (or null). */
export interface ActorResolution {
  query: string;
  actorId: string | null;
  name: string | null;
  via: string | null;
  matched: string | null;
}

export interface ActorDetail {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  roles: { role: string; of?: string; from?: string; to?: string | null }[];
  events: number;
  timeline: { month: string; events: number }[];
  framing: { available: boolean; rows: Record<string, unknown>[]; total: number };
}

export interface NetworkData {
  nodes: { id: string; name: string; kind: string; events: number }[];
  /** `outside`: shown because a node was expanded, though outside the filter. */
  edges: { source: string; target: string; weight: number; outside?: boolean }[];
  truncated: boolean;
}

export interface Judgement {
  id: number;
  kind: string;
  subjects: string[];
  value?: Record<string, unknown>;
  author: string;
  reason: string | null;
  createdAt: string;
  active: boolean;
  undone: { at: string; by: string; reason: string | null } | null;
}

export type Params = Record<string, string | string[] | number | undefined | null>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) if (v !== '') search.append(key, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

async function send<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!response.ok) {
    throw new ApiError(response.status, data?.error?.code ?? 'error', data?.error?.message ?? `${response.status} ${response.statusText}`);
  }
  return data as T;
}

export const api = {
  // reads carry the token when one was given: a private server (`serve --private`) and upload
  // jobs need it
  get: <T>(path: string, params: Params = {}) => send<T>('GET', path + query(params), undefined, tokenStore.get() || undefined),
  post: <T>(path: string, body: unknown, token: string) => send<T>('POST', path, body, token),
};

const TOKEN_KEY = 'parley-token';
export const tokenStore = {
  get: () => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (token: string) => (token ? sessionStorage.setItem(TOKEN_KEY, token) : sessionStorage.removeItem(TOKEN_KEY)),
};

let readKeyCache: { token: string; key: Promise<string> } | null = null;
/**
 * The read key links need on a private server (`serve --private`): a download or a feed link cannot
 * send the token, so it carries `key=` (GET /api/read-key; it opens reads only). Empty when the
 * server is not private (its links need nothing) or no token was given.
 */
export function readKey(): Promise<string> {
  const token = tokenStore.get();
  if (!token) return Promise.resolve('');
  if (readKeyCache?.token !== token) {
    readKeyCache = {
      token,
      key: send<{ key: string; private: boolean }>('GET', '/api/read-key', undefined, token)
        .then((r) => (r.private ? r.key : ''))
        .catch(() => ''),
    };
  }
  return readKeyCache.key;
}

/** An event as a judgement preview shows it (the store's shape). */
export interface PreviewEvent {
  id: string;
  reports: { id: string; docId: string; date: { value: string } | null }[];
  participants: { actorId: string; reports: string[] }[];
  date: string | null;
  place: string | null;
  mode: string;
  conflicts: Conflict[];
}

export interface NewJudgement {
  kind: string;
  subjects: string[];
  value?: { date?: string | null; place?: string | null; participants?: string[]; aliases?: string[] };
  author: string;
  reason?: string | null;
  confirm?: boolean;
}

/** What a judgement would do (POST /api/judgements/preview): nothing is changed. */
export interface JudgementPreview {
  judgement: NewJudgement;
  before: PreviewEvent[];
  after: PreviewEvent[];
  vanished: { id: string; to: string | null }[];
  pulledIn: string[];
  concerns: string[];
  actors: Record<string, { id: string; name: string; kind: string }>;
}
