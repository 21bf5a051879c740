import 'server-only';
import type { PipelinePolicy, PipelineResponse } from '@azure/core-rest-pipeline';
import type { ArmCallSink } from './request-context';

function note(sink: ArmCallSink, method: string, started: number, response: PipelineResponse | undefined): void {
  if (!response) return;
  sink.note({
    method,
    status: response.status,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    requestId: response.headers.get('x-ms-request-id') ?? undefined,
    correlationId: response.headers.get('x-ms-correlation-request-id') ?? undefined,
  });
}

/** Notes every ARM response (each retry too) in the request's sink: status and ARM's request/correlation ids. */
export function armCallPolicy(sink: ArmCallSink): PipelinePolicy {
  return {
    name: 'aksCaTrustArmCallLog',
    async sendRequest(request, next) {
      const started = performance.now();
      const end = sink.begin();
      try {
        const response = await next(request);
        end();
        note(sink, request.method, started, response);
        return response;
      } catch (error) {
        end();
        note(sink, request.method, started, (error as { response?: PipelineResponse }).response);
        throw error;
      } finally {
        end();
      }
    },
  };
}
