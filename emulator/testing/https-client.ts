/**
 * Test helper: HTTPS requests to the emulator trusting its CA through the `ca` option (no global trust change),
 * without following redirects.
 */
import { request } from 'node:https';

export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = Record<string, unknown>>(): T;
  header(name: string): string | undefined;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  form?: Record<string, string>;
  json?: unknown;
}

export function httpsClient(ca: string) {
  return (url: string, options: RequestOptions = {}): Promise<TestResponse> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { ...options.headers };
      let body = options.body;
      if (options.form) {
        body = new URLSearchParams(options.form).toString();
        headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=utf-8';
      }
      if (options.json !== undefined) {
        body = JSON.stringify(options.json);
        headers['content-type'] ??= 'application/json';
      }
      const req = request(
        url,
        { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, ca },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text,
              json: <T>() => JSON.parse(text) as T,
              header: (name: string) => {
                const value = res.headers[name.toLowerCase()];
                return Array.isArray(value) ? value.join('\n') : value;
              },
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/** `name=value` from a Set-Cookie header, for sending back as a Cookie header. */
export function cookiePair(setCookie: string | undefined): string | undefined {
  return setCookie?.split(';')[0];
}
