// Loads one API resource for a view; reloads when the key changes.
import { useEffect, useState } from 'react';
import { ApiError, readKey, tokenStore } from './api.ts';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

export function useApi<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setLoading(true);
    load()
      .then((value) => live && (setData(value), setError(null)))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message + (e.status === 401 && !tokenStore.get() ? ' Give it on the Review page.' : '') : String(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  return { data, error, loading, reload: () => setTick((t) => t + 1) };
}

/** The read key for download and feed links (empty when they need none); see readKey. */
export function useReadKey(): string {
  const [key, setKey] = useState('');
  const token = tokenStore.get();
  useEffect(() => {
    let live = true;
    void readKey().then((k) => live && setKey(k));
    return () => {
      live = false;
    };
  }, [token]);
  return key;
}
