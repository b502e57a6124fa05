// Request bodies as DingTalk accepts them: JSON, or form fields with `contact` as a JSON string
// (the official curl examples), where the access_token may ride in the body too.
export type Fields = Record<string, unknown>;

export class BadBody extends Error {}

const BLANK = /^\s*$/;

export function parseBody(contentType: string, text: string): Fields {
  if (BLANK.test(text)) return {};
  if (/application\/x-www-form-urlencoded/i.test(contentType)) {
    const fields: Fields = {};
    for (const [k, v] of new URLSearchParams(text)) {
      fields[k] = k === 'contact' ? parseJson(v) : v;
    }
    return fields;
  }
  const parsed = parseJson(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new BadBody('body is not a JSON object');
  const fields = parsed as Fields;
  // Some SDKs keep the form habit inside JSON: `{"contact": "{...}"}`.
  if (typeof fields.contact === 'string') fields.contact = parseJson(fields.contact);
  return fields;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BadBody('body is not valid JSON');
  }
}

/** A whole number from a JSON number or a form string, else undefined (absent) or NaN (invalid). */
export function intField(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isSafeInteger(n) ? n : NaN;
}
