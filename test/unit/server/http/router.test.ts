import { describe, expect, it } from 'vitest';
import { Router } from '../../../../server/http/router';

describe('Router', () => {
  const list = () => undefined;
  const remove = () => undefined;
  const pdf = () => undefined;
  const router = new Router().add('GET', '/api/agendas', list).add('DELETE', '/api/agendas/:id', remove).add('GET', '/api/agendas/:id/pdf', pdf);

  it('matches method and path, with decoded parameters', () => {
    expect(router.match('GET', '/api/agendas')).toEqual({ kind: 'found', handler: list, params: {} });
    expect(router.match('DELETE', '/api/agendas/a%20b')).toEqual({ kind: 'found', handler: remove, params: { id: 'a b' } });
    expect(router.match('get', '/api/agendas/x/pdf/')).toEqual({ kind: 'found', handler: pdf, params: { id: 'x' } });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(router.match('POST', '/api/agendas/x')).toEqual({ kind: 'method-not-allowed', allow: ['DELETE'] });
    expect(router.match('GET', '/api/other')).toEqual({ kind: 'not-found' });
    expect(router.match('DELETE', '/api/agendas/%E0%A4%A')).toEqual({ kind: 'not-found' });
  });
});
