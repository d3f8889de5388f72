import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isLambdaIntegration, isLambdaStreamingUri, textOf, typeOf } from './support.js';

export const apigwInt032: Rule = {
  id: 'APIGW-INT-032',
  severity: 'error',
  description: 'responseTransferMode STREAM needs a REST http_proxy/aws_proxy integration (Lambda: the response-streaming-invocations uri)',
  fact: 'Response streaming is only for REST HTTP_PROXY and AWS_PROXY; Lambda uses the 2021-11-15/functions/…/response-streaming-invocations path; not compatible with caching or VTL response transformation [D][A][O].',
  visitors: {
    integration(integration, _route, ctx) {
      if ((integration.responseTransferMode ?? '').toUpperCase() !== 'STREAM') return;
      const pointer = child(integration.pointer, 'responseTransferMode');
      if (ctx.api.kind === 'http') {
        ctx.report({ pointer, message: 'responseTransferMode STREAM is supported only by REST APIs. Remove it, or build the API as a REST API to stream responses.' });
        return;
      }
      const t = typeOf(integration);
      if (t !== 'http_proxy' && t !== 'aws_proxy') {
        ctx.report({ pointer, message: `responseTransferMode STREAM works only with http_proxy and aws_proxy integrations, not ${integration.rawType}. Switch to a proxy integration or use BUFFERED.` });
        return;
      }
      const uri = textOf(integration.uri);
      if (t === 'aws_proxy' && uri !== undefined && isLambdaIntegration(integration) && !isLambdaStreamingUri(uri)) {
        ctx.report({ pointer: child(integration.pointer, 'uri'), message: 'A streaming Lambda integration must invoke arn:aws:apigateway:{region}:lambda:path/2021-11-15/functions/{functionArn}/response-streaming-invocations. Change the uri to the response-streaming path.' });
      }
      if (integration.cacheKeyParameters.length > 0) {
        ctx.report({ severity: 'warn', pointer: child(integration.pointer, 'cacheKeyParameters'), message: 'Response streaming is not compatible with endpoint caching; these cache keys will not cache streamed responses. Remove cacheKeyParameters or use BUFFERED.' });
      }
      if (integration.responses.some((r) => Object.keys(r.responseTemplates).length > 0)) {
        ctx.report({ severity: 'warn', pointer: child(integration.pointer, 'responses'), message: 'Response streaming is not compatible with VTL response transformation; responseTemplates are not applied. Remove them or use BUFFERED.' });
      }
    },
  },
};
