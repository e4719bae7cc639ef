import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../../../server/http/client-address';

function request(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  return { socket: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} } as unknown as IncomingMessage;
}

describe('clientAddress', () => {
  it('is the socket address unless the proxy is trusted', () => {
    expect(clientAddress(request('10.0.0.1', '203.0.113.9'), false)).toBe('10.0.0.1');
  });

  it("behind a trusted proxy, is the last X-Forwarded-For entry (the one the proxy added), not a client's claim", () => {
    expect(clientAddress(request('127.0.0.1', '1.2.3.4, 203.0.113.9'), true)).toBe('203.0.113.9');
    expect(clientAddress(request('127.0.0.1'), true)).toBe('127.0.0.1');
  });
});
