// Pick an actor by typing part of any of its names (any script, spelling or the start of one);
// suggestions come from the server, which resolves names through the knowledge base.
import { useEffect, useId, useState } from 'react';
import { api, type ActorRow, type Page } from '../api.ts';

export interface ActorPickerProps {
  label: string;
  value: string;
  onChange: (id: string) => void;
  kind?: string;
}

export function ActorPicker({ label, value, onChange, kind }: ActorPickerProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const [options, setOptions] = useState<ActorRow[]>([]);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    const q = text.trim();
    if (!q || q === value) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .get<Page<ActorRow>>('/api/actors', { q, kind, limit: 12 })
        .then((page) => live && setOptions(page.items))
        .catch(() => undefined);
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, value, kind]);
  const [note, setNote] = useState('');
  const commit = (raw: string) => {
    const v = raw.trim();
    // committed already (Enter, then the blur of a click elsewhere): nothing changes, nothing moves
    if (v === value) return;
    const match = options.find((o) => o.id === v || o.name.toLowerCase() === v.toLowerCase());
    setNote('');
    onChange(match ? match.id : v);
    if (match || !v) return;
    // any spelling: the server resolves the name through the knowledge base; say what it reached
    api
      .get<Page<ActorRow>>('/api/actors', { q: v, kind, limit: 1 })
      .then((page) => {
        const hit = page.items[0];
        if (!hit) return setNote(`No actor found for “${v}”.`);
        if (hit.id === v) return;
        setNote(`“${v}” → ${hit.name}${hit.resolved ? ` (${hit.resolved.via}: ${hit.resolved.matched})` : ''}`);
        setText(hit.id);
        onChange(hit.id);
      })
      .catch(() => undefined);
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        list={`${id}-list`}
        value={text}
        placeholder="name or id"
        onChange={(e) => {
          setText(e.target.value);
          if (options.some((o) => o.id === e.target.value)) onChange(e.target.value);
        }}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && commit((e.target as HTMLInputElement).value)}
      />
      {note && (
        <span role="status" className="resolved">
          {note}
        </span>
      )}
      <datalist id={`${id}-list`}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {`${o.name} (${o.kind}, ${o.events} events)`}
          </option>
        ))}
      </datalist>
    </label>
  );
}
