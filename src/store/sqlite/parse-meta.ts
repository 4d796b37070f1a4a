// The documents.meta column back to DocumentMeta; a damaged value reads as no metadata.
import type { DocumentMeta } from '../../core/types.ts';

export function parseMeta(json: string | null | undefined): DocumentMeta {
  if (!json) return {};
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as DocumentMeta) : {};
  } catch {
    return {};
  }
}
