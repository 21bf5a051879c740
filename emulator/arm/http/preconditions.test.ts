import { describe, expect, it } from 'vitest';
import { checkPreconditions } from './preconditions';

const status = (...args: Parameters<typeof checkPreconditions>) => checkPreconditions(...args)?.status ?? 'ok';

describe('If-Match / If-None-Match (azure-facts §4)', () => {
  it('PUT table', () => {
    expect(status('PUT', '', undefined, undefined)).toBe('ok');
    expect(status('PUT', '', undefined, 'e1')).toBe('ok');
    expect(status('PUT', '*', undefined, undefined)).toBe(412);
    expect(status('PUT', '*', undefined, 'e1')).toBe('ok');
    expect(status('PUT', 'e1', undefined, undefined)).toBe(412);
    expect(status('PUT', 'e1', undefined, 'e1')).toBe('ok');
    expect(status('PUT', 'e2', undefined, 'e1')).toBe(412);
    expect(status('PUT', undefined, '*', undefined)).toBe('ok');
    expect(status('PUT', undefined, '*', 'e1')).toBe(412);
  });

  it('PATCH and DELETE compare if-match against an existing resource', () => {
    expect(status('PATCH', 'e1', undefined, 'e1')).toBe('ok');
    expect(status('PATCH', 'e2', undefined, 'e1')).toBe(412);
    expect(status('DELETE', 'e2', undefined, 'e1')).toBe(412);
    expect(status('DELETE', 'e1', undefined, undefined)).toBe('ok');
  });

  it('bad combinations are 400 BadRequest', () => {
    const bad = checkPreconditions('PUT', undefined, 'e1', 'e1');
    expect(bad?.status).toBe(400);
    expect(bad?.code).toBe('BadRequest');
    expect(status('PUT', 'e1', '*', undefined)).toBe(400);
    expect(status('PUT', 'e1', '*', 'e1')).toBe(400);
  });

  it('uses the compute-style message with the sent and current values, quotes ignored', () => {
    const error = checkPreconditions('PUT', '"2"', undefined, '3');
    expect(error?.code).toBe('PreconditionFailed');
    expect(error?.message).toBe('Etag provided in if-match header "2" does not match etag "3" of resource.');
    expect(status('PUT', '"e1"', undefined, 'e1')).toBe('ok');
  });
});
