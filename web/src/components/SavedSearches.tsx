// Saved searches: the current filter kept under a name (in this browser), each with its list and
// an Atom feed of its newest events for a feed reader (GET /api/feed.atom with the filter).
import { useState, type FormEvent } from 'react';
import { query } from '../api.ts';
import { href } from '../router.ts';

const KEY = 'parley-saved-searches';

interface Saved {
  name: string;
  filter: Record<string, string | string[]>;
}

function load(): Saved[] {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? (value as Saved[]).filter((s) => s && typeof s.name === 'string' && s.filter && typeof s.filter === 'object') : [];
  } catch {
    return [];
  }
}

export function SavedSearches({ filter, readKey = '' }: { filter: Record<string, string | string[]>; readKey?: string }) {
  const [saved, setSaved] = useState(load);
  const [name, setName] = useState('');
  const store = (next: Saved[]) => {
    localStorage.setItem(KEY, JSON.stringify(next));
    setSaved(next);
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return;
    store([...saved.filter((s) => s.name !== n), { name: n, filter }]);
    setName('');
  };
  return (
    <section className="saved" aria-label="Saved searches">
      <form onSubmit={save} className="save-search">
        <label className="field">
          <span>Save this search as</span>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="a name" />
        </label>
        <button type="submit" disabled={!name.trim()}>
          Save search
        </button>
      </form>
      {saved.length > 0 && (
        <ul>
          {saved.map((s) => (
            <li key={s.name}>
              <a href={href('/events', s.filter)}>{s.name}</a> ·{' '}
              <a className="feed" href={`/api/feed.atom${query({ ...s.filter, title: s.name, key: readKey })}`} type="application/atom+xml">
                Atom feed
              </a>{' '}
              ·{' '}
              <button type="button" className="link" onClick={() => store(saved.filter((x) => x !== s))} aria-label={`Forget ${s.name}`}>
                forget
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
