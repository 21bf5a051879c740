import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

/** One ARM response as the log shows it: ARM's ids for support cases, never a header or body. */
export interface ArmCall {
  method: string;
  status: number;
  requestId?: string;
  correlationId?: string;
}

/** Where ARM calls of one server action or route request are noted (bounded: a fleet inventory makes hundreds). */
export class ArmCallSink {
  static readonly KEEP = 20;
  readonly calls: ArmCall[] = [];
  count = 0;

  note(call: ArmCall): void {
    this.count += 1;
    if (this.calls.length < ArmCallSink.KEEP) this.calls.push(call);
  }

  /** The log fields: how many ARM calls, the first ids, the last status. */
  fields(): Record<string, unknown> {
    if (this.count === 0) return { armCalls: 0 };
    return { armCalls: this.count, arm: this.calls, armStatus: this.calls[this.calls.length - 1]!.status };
  }
}

const storage = new AsyncLocalStorage<ArmCallSink>();

export const runWithArmCallSink = <T>(sink: ArmCallSink, body: () => T): T => storage.run(sink, body);

/** The sink of the request being served, if any (read when the ARM clients are built). */
export const currentArmCallSink = (): ArmCallSink | undefined => storage.getStore();
