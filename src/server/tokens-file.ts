// The analysts' tokens for `parley serve --tokens FILE`: who may change the record, each with a
// token of their own, so that a judgement is recorded in its token holder's name.
//
// The file is text, one analyst a line: the name, then white space, then the token (the last
// field; a name may have spaces in it). Blank lines and lines starting with # are skipped:
//
//     # parley serve --tokens analysts.txt
//     Dana Levi     hT3k...43 characters from `parley token`...
//     omar          9QpX...
//
// or JSON: [{ "name": "Dana Levi", "token": "..." }, ...]. `parley token --name "Dana Levi"` prints
// a line to append. Every token must be strong (tokenWeakness) and every name and token used once;
// any problem is an error naming the file and the line (or the JSON entry), and the token is never
// printed.
import { readFileSync } from 'node:fs';
import { ParleyError } from '../core/errors.ts';
import type { Credential } from './auth.ts';
import { tokenWeakness } from './guard.ts';

const NAME = /^[^\p{Cc}\p{Cf}]{1,100}$/u;

export function parseTokens(text: string, file: string): Credential[] {
  const out: Credential[] = [];
  const seenNames = new Map<string, string>();
  const seenTokens = new Map<string, string>();
  const add = (name: string, token: string, where: string) => {
    const fail = (message: string): never => {
      throw new ParleyError('usage', `${where}: ${message}`);
    };
    if (!NAME.test(name)) fail(`the analyst's name must be 1-100 characters, without control characters (got ${JSON.stringify(name.slice(0, 40))})`);
    const weakness = tokenWeakness(token);
    if (weakness) fail(`${name}: ${weakness.replace(/^the API token/, 'the token')}`);
    const key = name.normalize('NFC').toLowerCase();
    if (seenNames.has(key)) fail(`${name} is named twice (also ${seenNames.get(key)})`);
    if (seenTokens.has(token)) fail(`${name} has the same token as ${seenTokens.get(token)}: each analyst needs a token of their own`);
    seenNames.set(key, where);
    seenTokens.set(token, name);
    out.push({ name, token });
  };
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let entries: unknown;
    try {
      entries = JSON.parse(trimmed);
    } catch (error) {
      throw new ParleyError('usage', `${file}: not valid JSON (${(error as Error).message})`);
    }
    if (!Array.isArray(entries)) throw new ParleyError('usage', `${file}: a JSON tokens file is a list: [{ "name": "...", "token": "..." }, ...]`);
    entries.forEach((entry, i) => {
      const where = `${file}: entry ${i + 1}`;
      const e = entry as { name?: unknown; token?: unknown } | null;
      if (!e || typeof e !== 'object' || typeof e.name !== 'string' || typeof e.token !== 'string') {
        throw new ParleyError('usage', `${where}: wants { "name": "...", "token": "..." }`);
      }
      add(e.name.trim(), e.token, where);
    });
  } else {
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const where = `${file}:${i + 1}`;
      const m = /^(.*\S)\s+(\S+)$/u.exec(line);
      if (!m) throw new ParleyError('usage', `${where}: wants an analyst's name, then the token (\`parley token --name NAME\` prints such a line)`);
      add(m[1], m[2], where);
    });
  }
  if (out.length === 0) throw new ParleyError('usage', `${file}: no analysts in it (one a line: name, then the token from \`parley token\`)`);
  return out;
}

export function readTokensFile(file: string): Credential[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ParleyError('usage', `${file}: cannot read the tokens file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseTokens(text, file);
}
