// Scrubbing of secrets from any text the client passes on (server errmsg, HTML snippets).
// The token rides in the query string, so query strings are cut as a whole, then known secrets.
export type Redactor = (text: string) => string;

export function createRedactor(secrets: () => Iterable<string>): Redactor {
  return (text) => {
    let out = text.replace(/(access_token|appsecret|appkey)=[^&\s"'<>]*/gi, '$1=***');
    out = out.replace(/(https?:\/\/[^\s"'<>?]+)\?[^\s"'<>]*/gi, '$1?***');
    for (const s of secrets()) if (s.length >= 4) out = out.split(s).join('***');
    return out;
  };
}
