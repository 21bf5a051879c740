import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

/** One ARM response as the log shows it: ARM's ids for support cases, never a header or body. */
export interface ArmCall {
  method: string;
  status: number;
  durationMs: number;
  requestId?: string;
  correlationId?: string;
}

/** Where ARM calls of one server action or route request are noted (bounded: a fleet inventory makes hundreds). */
export class ArmCallSink {
  static readonly KEEP = 20;
  readonly calls: ArmCall[] = [];
  count = 0;
  private inFlight = 0;
  private busySince = 0;
  private busyMs = 0;

  /** An ARM call starts; the returned function ends it. Between them ARM is "busy" for this request. */
  begin(): () => void {
    if (this.inFlight++ === 0) this.busySince = performance.now();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (--this.inFlight === 0) this.busyMs += performance.now() - this.busySince;
    };
  }

  note(call: ArmCall): void {
    this.count += 1;
    if (this.calls.length < ArmCallSink.KEEP) this.calls.push(call);
  }

  /**
   * The log fields: how many ARM calls, the first ones (ids, status, time), the last status, and `armMs`: the wall
   * time during which at least one ARM call was in flight (parallel calls counted once), so that duration minus
   * armMs is this server's own share.
   */
  fields(): Record<string, unknown> {
    if (this.count === 0) return { armCalls: 0, armMs: 0 };
    return {
      armCalls: this.count,
      armMs: Math.round(this.busyMs * 100) / 100,
      arm: this.calls,
      armStatus: this.calls[this.calls.length - 1]!.status,
    };
  }
}

const storage = new AsyncLocalStorage<ArmCallSink>();

export const runWithArmCallSink = <T>(sink: ArmCallSink, body: () => T): T => storage.run(sink, body);

/** The sink of the request being served, if any (read when the ARM clients are built). */
export const currentArmCallSink = (): ArmCallSink | undefined => storage.getStore();
