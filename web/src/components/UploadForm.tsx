// Upload an article (text or HTML) or a feed to ingest, and follow the job until it is done.
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';

interface Job {
  id: number;
  state: 'queued' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  result: { ingested: number; duplicates: number; reports: number; skipped: { code: string; message: string }[] } | null;
  error: string | null;
}

const FORMATS: Record<string, 'text' | 'html' | 'feed'> = { txt: 'text', html: 'html', htm: 'html', xml: 'feed', rss: 'feed', atom: 'feed' };

export function UploadForm({ token }: { token: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<'text' | 'html' | 'feed'>('text');
  const [outlet, setOutlet] = useState('');
  const [url, setUrl] = useState('');
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    try {
      const content = await file.text();
      let current = await api.post<Job>('/api/ingest', { format, name: file.name, content, ...(outlet.trim() ? { outlet: outlet.trim() } : {}), ...(url.trim() ? { url: url.trim() } : {}) }, token);
      setJob(current);
      while (current.state === 'queued' || current.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 500));
        current = await api.get<Job>(`/api/ingest/${current.id}`);
        setJob(current);
      }
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  return (
    <form className="review-form" aria-label="Upload" onSubmit={submit}>
      <h3>Upload articles</h3>
      <label className="field">
        <span>File (.txt, .html or a feed)</span>
        <input
          type="file"
          accept=".txt,.html,.htm,.xml,.rss,.atom,text/plain,text/html,application/rss+xml,application/atom+xml"
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            const ext = chosen?.name.split('.').pop()?.toLowerCase() ?? '';
            if (FORMATS[ext]) setFormat(FORMATS[ext]);
          }}
        />
      </label>
      <label className="field">
        <span>Format</span>
        <select value={format} onChange={(e) => setFormat(e.target.value as 'text' | 'html' | 'feed')}>
          <option value="text">text</option>
          <option value="html">HTML page</option>
          <option value="feed">RSS or Atom feed</option>
        </select>
      </label>
      <label className="field">
        <span>Outlet (who published it)</span>
        <input value={outlet} onChange={(e) => setOutlet(e.target.value)} placeholder="e.g. Reuters" />
      </label>
      <label className="field">
        <span>Address (URL), if any</span>
        <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" />
      </label>
      <button type="submit" disabled={!file}>
        Upload
      </button>
      {job && (
        <p role="status">
          {job.state === 'done' && job.result
            ? `Done: ${job.result.ingested} stored, ${job.result.duplicates} already known, ${job.result.reports} reports` +
              (job.result.skipped.length ? `; skipped: ${job.result.skipped.map((s) => `${s.code} ${s.message}`).join('; ')}` : '')
            : job.state === 'failed'
              ? `Failed: ${job.error ?? 'unknown error'}`
              : `${job.state}… ${job.done}/${job.total}`}
          {job.state !== 'done' && job.state !== 'failed' && <progress max={job.total || 1} value={job.done} />}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
