import 'server-only';
import type { PipelinePolicy, PipelineResponse } from '@azure/core-rest-pipeline';
import type { ArmCallSink } from './request-context';

function note(sink: ArmCallSink, method: string, response: PipelineResponse | undefined): void {
  if (!response) return;
  sink.note({
    method,
    status: response.status,
    requestId: response.headers.get('x-ms-request-id') ?? undefined,
    correlationId: response.headers.get('x-ms-correlation-request-id') ?? undefined,
  });
}

/** Notes every ARM response (each retry too) in the request's sink: status and ARM's request/correlation ids. */
export function armCallPolicy(sink: ArmCallSink): PipelinePolicy {
  return {
    name: 'aksCaTrustArmCallLog',
    async sendRequest(request, next) {
      try {
        const response = await next(request);
        note(sink, request.method, response);
        return response;
      } catch (error) {
        note(sink, request.method, (error as { response?: PipelineResponse }).response);
        throw error;
      }
    },
  };
}
