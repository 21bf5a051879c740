import { describe, expect, it } from 'vitest';
import { RestError, createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import { retryAfterSeconds, toArmActionError } from './arm-errors';

const ARM = 'https://management.azure.com';

function restError(statusCode: number, code: string, message: string, headers: Record<string, string> = {}) {
  const request = createPipelineRequest({ url: `${ARM}/subscriptions` });
  return new RestError(message, {
    code,
    statusCode,
    request,
    response: { status: statusCode, headers: createHttpHeaders(headers), request },
  });
}

describe('toArmActionError', () => {
  it('401 asks the user to sign in again', () => {
    expect(
      toArmActionError(restError(401, 'InvalidAuthenticationToken', 'The access token is invalid.'), ARM),
    ).toMatchObject({
      code: 'SignInRequired',
      status: 401,
      message: expect.stringContaining('Sign in again'),
    });
  });

  it('403 names the missing permission and the scope', () => {
    const scope =
      '/subscriptions/00000000-aaaa-4000-8000-000000000001/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1';
    const message = `The client 'ravi@contoso.onmicrosoft.com' with object id '11111111-0000-4000-8000-00000000000b' does not have authorization to perform action 'Microsoft.ContainerService/managedClusters/write' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`;
    const mapped = toArmActionError(restError(403, 'AuthorizationFailed', message), ARM);
    expect(mapped).toMatchObject({ code: 'AuthorizationFailed', status: 403, target: scope });
    expect(mapped.message).toContain('Microsoft.ContainerService/managedClusters/write');
    expect(mapped.message).toContain(scope);
  });

  it('429 says when to retry', () => {
    expect(
      toArmActionError(restError(429, 'TooManyRequests', 'Too many', { 'retry-after': '17' }), ARM).message,
    ).toContain('in 17 seconds');
    expect(toArmActionError(restError(429, 'TooManyRequests', 'Too many'), ARM).message).toContain('in a little while');
  });

  it('409 keeps ARM own explanation', () => {
    const text =
      'Operation is not allowed: Another operation (Updating) is in progress, please wait for it to finish before starting a new operation.';
    expect(toArmActionError(restError(409, 'OperationNotAllowed', text), ARM)).toEqual({
      code: 'ArmConflict',
      armCode: 'OperationNotAllowed',
      status: 409,
      message: text,
    });
  });

  it('412 explains that the cluster changed', () => {
    expect(toArmActionError(restError(412, 'PreconditionFailed', 'Etag mismatch'), ARM)).toMatchObject({
      code: 'PreconditionFailed',
      status: 412,
    });
  });

  it('5xx keeps status and code', () => {
    expect(toArmActionError(restError(503, 'ServiceUnavailable', 'busy'), ARM).message).toBe(
      'Azure Resource Manager had a problem (HTTP 503, ServiceUnavailable): busy',
    );
  });

  it("replaces the SDK pager's own text with status and code", () => {
    expect(
      toArmActionError(restError(500, 'InternalServerError', 'Pagination failed with unexpected statusCode 500'), ARM)
        .message,
    ).toBe('Azure Resource Manager answered HTTP 500 (InternalServerError) without details. Try again.');
  });

  it('an untrusted certificate names the variable that fixes it', () => {
    const error = Object.assign(new Error('unable to verify the first certificate'), {
      name: 'RestError',
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
    const mapped = toArmActionError(error, 'https://localhost:8443');
    expect(mapped.code).toBe('Unreachable');
    expect(mapped.message).toContain('ARM_CA_FILE');
    expect(mapped.message).toContain('localhost:8443');
  });

  it('a refused connection says ARM is unreachable', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8443'), { code: 'ECONNREFUSED' });
    const error = Object.assign(new Error('request failed', { cause }), { code: 'REQUEST_SEND_ERROR' });
    expect(toArmActionError(error, 'https://localhost:8443')).toMatchObject({
      code: 'Unreachable',
      message: expect.stringContaining('Nothing is listening at localhost:8443'),
    });
  });

  it("maps other statuses to the registry's codes and keeps ARM's own in armCode", () => {
    expect(toArmActionError(restError(404, 'ResourceNotFound', 'gone'), ARM)).toMatchObject({
      code: 'ArmNotFound',
      armCode: 'ResourceNotFound',
    });
    expect(toArmActionError(restError(400, 'InvalidParameter', 'bad'), ARM)).toMatchObject({
      code: 'ArmRefused',
      armCode: 'InvalidParameter',
    });
    expect(toArmActionError(restError(503, 'ServiceUnavailable', 'down'), ARM).code).toBe('ArmServerError');
    expect(toArmActionError(restError(408, 'RequestTimeout', 'slow'), ARM).code).toBe('ArmServerError');
  });

  it('anything else is still a sentence, never a throw', () => {
    expect(toArmActionError(undefined, ARM).code).toBe('UnexpectedError');
    expect(toArmActionError('boom', ARM).message).toContain('boom');
  });
});

describe('retryAfterSeconds', () => {
  const headers = (values: Record<string, string>) => createHttpHeaders(values);
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(retryAfterSeconds(headers({ 'retry-after': '5' }))).toBe(5);
    expect(retryAfterSeconds(headers({ 'retry-after-ms': '1500' }))).toBe(2);
    expect(
      retryAfterSeconds(
        headers({ 'retry-after': 'Sun, 29 Nov 2026 12:00:30 GMT' }),
        Date.parse('2026-11-29T12:00:00Z'),
      ),
    ).toBe(30);
    expect(retryAfterSeconds(headers({}))).toBeUndefined();
  });
});
