/** The If-Match / If-None-Match table of azure-facts.md §4, as a pure function. */
import { ArmError, messages } from './errors';

function normalize(tag: string): string {
  return tag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
}

/**
 * `current` is the resource's eTag, or undefined when the resource does not exist. Returns the error to
 * answer with, or undefined when the request may proceed.
 */
export function checkPreconditions(
  method: 'PUT' | 'PATCH' | 'DELETE',
  ifMatchHeader: string | undefined,
  ifNoneMatchHeader: string | undefined,
  current: string | undefined,
): ArmError | undefined {
  const ifMatch = ifMatchHeader === undefined || ifMatchHeader.trim() === '' ? undefined : ifMatchHeader.trim();
  const ifNoneMatch =
    ifNoneMatchHeader === undefined || ifNoneMatchHeader.trim() === '' ? undefined : ifNoneMatchHeader.trim();

  if (ifNoneMatch !== undefined && ifNoneMatch !== '*') {
    return new ArmError(
      400,
      'BadRequest',
      `The if-none-match header value "${ifNoneMatch}" is invalid: only "*" is supported.`,
    );
  }
  if (ifNoneMatch === '*' && ifMatch !== undefined) {
    return new ArmError(400, 'BadRequest', 'The if-match and if-none-match: * headers cannot be used together.');
  }
  if (ifNoneMatch === '*' && current !== undefined) {
    return new ArmError(
      412,
      'PreconditionFailed',
      `The resource already exists with etag "${current}" and the if-none-match header is "*".`,
    );
  }
  if (ifMatch === undefined) return undefined;
  if (current === undefined) {
    // PATCH on a missing resource is answered 404 and DELETE 204 by the caller; PUT is 412.
    return method === 'PUT'
      ? new ArmError(412, 'PreconditionFailed', messages.etagMismatch(normalize(ifMatch), ''))
      : undefined;
  }
  if (ifMatch === '*') return undefined;
  if (normalize(ifMatch) !== normalize(current)) {
    return new ArmError(412, 'PreconditionFailed', messages.etagMismatch(normalize(ifMatch), current));
  }
  return undefined;
}
