/** Injected faults: matching requests answer with a chosen status and ARM error, a given number of times. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export const faultInputSchema = z
  .object({
    method: z
      .string()
      .regex(/^[A-Za-z]+$/)
      .transform((m) => m.toUpperCase())
      .optional(),
    /** Substring of the request path (without the query). */
    path: z.string().min(1).optional(),
    /** Regular expression tested against the request path. */
    pathRegex: z
      .string()
      .min(1)
      .refine((source) => {
        try {
          new RegExp(source);
          return true;
        } catch {
          return false;
        }
      }, 'not a valid regular expression')
      .optional(),
    /** Absent: the fault only adds latency. */
    status: z.number().int().min(400).max(599).optional(),
    code: z.string().min(1).optional(),
    message: z.string().optional(),
    count: z.number().int().min(1).default(1),
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
  })
  .strict()
  .refine((f) => f.status !== undefined || f.latencyMs !== undefined, 'give a status, a latencyMs, or both');

export type FaultInput = z.infer<typeof faultInputSchema>;
export interface Fault extends FaultInput {
  id: string;
  remaining: number;
  hits: number;
}

const DEFAULT_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'AuthenticationFailed',
  403: 'AuthorizationFailed',
  404: 'NotFound',
  409: 'Conflict',
  412: 'PreconditionFailed',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

export function defaultFaultCode(status: number): string {
  return DEFAULT_CODES[status] ?? (status >= 500 ? 'InternalServerError' : 'BadRequest');
}

export class FaultList {
  private faults: Fault[] = [];

  add(input: FaultInput): Fault {
    const fault: Fault = { ...input, id: randomUUID(), remaining: input.count, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.filter((f) => f.remaining > 0);
  }

  clear(): void {
    this.faults = [];
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  /** The first live fault matching the request; consumes one of its uses. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (!f.method || f.method === method.toUpperCase()) &&
        (!f.path || path.toLowerCase().includes(f.path.toLowerCase())) &&
        (!f.pathRegex || new RegExp(f.pathRegex, 'i').test(path)),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    fault.hits += 1;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return fault;
  }
}
