// Pick an actor by typing part of any of its names (any script); suggestions come from the server.
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
  const commit = (raw: string) => {
    const v = raw.trim();
    const match = options.find((o) => o.id === v || o.name.toLowerCase() === v.toLowerCase());
    onChange(match ? match.id : v);
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
