import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError } from '../../shared/protocol/agenda-api';

/** Answers with a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/** Answers with an `ApiError` whose message says what was wrong (in Danish, shown to users). */
export function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  sendJson(res, status, { error: message } satisfies ApiError);
}

/** A request body that could not be read as JSON, with the HTTP status to answer. */
export class BadRequestBody extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Reads a JSON request body of at most `maxBytes`; an empty body reads as `{}`. */
export async function readJsonBody(req: IncomingMessage, maxBytes = 64 * 1024): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > maxBytes) throw new BadRequestBody(`Forespørgslen er større end ${maxBytes} bytes`, 413);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestBody('Forespørgslen er ikke gyldig JSON', 400);
  }
}
