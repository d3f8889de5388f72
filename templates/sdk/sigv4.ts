// AWS Signature Version 4 for execute-api, on WebCrypto only (no runtime dependency): works in
// Node >= 18, browsers, Deno, Bun and edge runtimes. The canonical request follows AWS's rules for
// services other than S3, exactly as the reference `aws4` package computes them: the path is
// normalised (`//`, `.`, `..`) and every segment encoded once more (RFC 3986), query keys and values
// are decoded then re-encoded and sorted, headers are lower-cased, trimmed and sorted.
// This file is copied verbatim into every generated SDK; do not edit the copy.

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

export interface SignableRequest {
  method: string;
  url: URL;
  /** Lower-case header names. Headers the signer adds (host, x-amz-date, …) are added here too. */
  headers: Headers;
  /** The exact bytes that will be sent (string bodies are sent as UTF-8). */
  body: Uint8Array | string | undefined;
}

export interface SigningParams {
  credentials: AwsCredentials;
  region: string;
  service?: string;
  now?: Date;
}

/** Headers never signed: hop-by-hop or commonly rewritten by proxies and runtimes (same set as aws4). */
const UNSIGNED_HEADERS = new Set(['authorization', 'connection', 'x-amzn-trace-id', 'user-agent', 'expect', 'presigned-expires', 'range']);

const encoder = new TextEncoder();

function toHex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += bytes[i]!.toString(16).padStart(2, '0');
  return out;
}

/**
 * The bytes in a fresh ArrayBuffer: WebCrypto rejects views on SharedArrayBuffer, and a plain
 * ArrayBuffer type-checks with every TypeScript version and with @types/node alone (no DOM lib).
 */
function bytesOf(data: Uint8Array | string): ArrayBuffer {
  const source = typeof data === 'string' ? encoder.encode(data) : data;
  const buffer = new ArrayBuffer(source.byteLength);
  new Uint8Array(buffer).set(source);
  return buffer;
}

async function sha256Hex(data: Uint8Array | string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bytesOf(data)));
}

async function hmac(key: Uint8Array | string, data: string): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey('raw', bytesOf(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, bytesOf(data)));
}

/** encodeURIComponent plus the characters RFC 3986 reserves that it leaves alone. */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeQueryComponent(value: string): string {
  const spaced = value.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // Malformed escapes are kept literally, as Node's querystring does.
    return spaced;
  }
}

export function canonicalPath(pathname: string): string {
  if (pathname === '/' || pathname === '') return '/';
  const segments: string[] = [];
  for (const piece of pathname.replace(/\/{2,}/g, '/').split('/')) {
    if (piece === '..') segments.pop();
    else if (piece !== '.') segments.push(encodeRfc3986(piece));
  }
  const path = segments.join('/');
  return path.startsWith('/') ? path : `/${path}`;
}

export function canonicalQuery(search: string): string {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query === '') return '';
  const byKey = new Map<string, string[]>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeQueryComponent(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : decodeQueryComponent(part.slice(eq + 1));
    if (key === '') continue;
    const encodedKey = encodeRfc3986(key);
    const values = byKey.get(encodedKey);
    if (values) values.push(encodeRfc3986(value));
    else byKey.set(encodedKey, [encodeRfc3986(value)]);
  }
  const pieces: string[] = [];
  for (const key of [...byKey.keys()].sort()) for (const value of byKey.get(key)!.sort()) pieces.push(`${key}=${value}`);
  return pieces.join('&');
}

/** `20240102T030405Z` */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[:-]|\.\d{3}/g, '');
}

/**
 * Signs `request` in place: sets `x-amz-date`, `x-amz-security-token` (with session credentials)
 * and `authorization`. Returns the authorization header value.
 */
export async function signRequest(request: SignableRequest, params: SigningParams): Promise<string> {
  const service = params.service ?? 'execute-api';
  const datetime = amzDate(params.now ?? new Date());
  const date = datetime.slice(0, 8);
  const headers = request.headers;
  headers.delete('authorization');
  headers.set('x-amz-date', datetime);
  if (params.credentials.sessionToken) headers.set('x-amz-security-token', params.credentials.sessionToken);

  const signed = new Map<string, string>();
  signed.set('host', request.url.host);
  headers.forEach((value, name) => {
    if (!UNSIGNED_HEADERS.has(name)) signed.set(name, value);
  });
  // The runtime sends Content-Length for a non-empty body; aws4 signs it, so it is signed here too.
  const body = request.body;
  const bodyLength = body === undefined ? 0 : typeof body === 'string' ? encoder.encode(body).byteLength : body.byteLength;
  if (bodyLength > 0 && !signed.has('content-length')) signed.set('content-length', String(bodyLength));

  const names = [...signed.keys()].sort();
  const canonicalHeaders = names.map((n) => `${n}:${signed.get(n)!.trim().replace(/\s+/g, ' ')}`).join('\n');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalPath(request.url.pathname),
    canonicalQuery(request.url.search),
    `${canonicalHeaders}\n`,
    signedHeaders,
    await sha256Hex(body ?? ''),
  ].join('\n');
  const scope = `${date}/${params.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', datetime, scope, await sha256Hex(canonicalRequest)].join('\n');
  const kDate = await hmac(`AWS4${params.credentials.secretAccessKey}`, date);
  const kRegion = await hmac(kDate, params.region);
  const kService = await hmac(kRegion, service);
  const kSigning = await hmac(kService, 'aws4_request');
  const signature = toHex((await hmac(kSigning, stringToSign)).buffer as ArrayBuffer);
  const authorization = `AWS4-HMAC-SHA256 Credential=${params.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  headers.set('authorization', authorization);
  return authorization;
}
