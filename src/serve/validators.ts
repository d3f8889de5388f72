// Request validation (AWS docs: "Request validation for REST APIs in API Gateway"): required
// query strings and headers, and the body against the request model (JSON Schema draft-04).
// Each model is compiled once per gateway and kept.

import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import type { Api, Route, Schema } from '../model/types.js';
import { header, headerValues, mediaType, routeOf, type RequestContext } from './context.js';
import { GatewayError } from './errors.js';
import { own, queryPairs } from './request-values.js';

// ajv-draft-04 is CommonJS with its class on `default`.
const Ajv04 = (createRequire(import.meta.url)('ajv-draft-04') as { default: new (options: Options) => Ajv }).default;

export class RequestValidation {
  /** Made on the first body validation: a large API (Stripe: 1,000+ models) should not pay for it at startup. */
  private ajvInstance: Ajv | undefined;
  private readonly compiled = new Map<Schema, ValidateFunction | Error>();

  constructor(private readonly api: Api) {}

  private get ajv(): Ajv {
    if (!this.ajvInstance) {
      this.ajvInstance = new Ajv04({ strict: false, allErrors: true, validateFormats: false, logger: false });
      // Named models are reachable as #/components/schemas/<Name> from any schema.
      const schemas: Record<string, Schema> = Object.create(null) as Record<string, Schema>;
      for (const m of this.api.models) schemas[m.name] = m.schema;
      this.ajvInstance.addSchema({ components: { schemas } }, 'models');
    }
    return this.ajvInstance;
  }

  /** Throws BAD_REQUEST_PARAMETERS / BAD_REQUEST_BODY as the route's validator asks. */
  validate(ctx: RequestContext): void {
    const route = routeOf(ctx);
    const name = route.validator;
    const validator = name !== undefined ? this.api.validators.find((v) => v.name === name) : undefined;
    if (!validator) return;
    if (validator.validateRequestParameters) this.checkParameters(ctx, route);
    if (validator.validateRequestBody) this.checkBody(ctx, route);
  }

  private checkParameters(ctx: RequestContext, route: Route): void {
    const query = new Set(queryPairs(ctx.request.rawQuery).map(([k]) => k));
    const missing = route.parameters
      .filter((p) => p.required && ((p.in === 'query' && !query.has(p.name)) || (p.in === 'header' && headerValues(ctx.request.headers, p.name).length === 0)))
      .map((p) => p.name);
    if (missing.length === 0) return;
    const message = `Missing required request parameters: [${missing.join(', ')}]`;
    ctx.validationErrorString = message;
    throw new GatewayError('BAD_REQUEST_PARAMETERS', { message, validationErrorString: message });
  }

  private checkBody(ctx: RequestContext, route: Route): void {
    const content = route.requestBody?.content ?? {};
    const type = mediaType(header(ctx.request.headers, 'content-type')) ?? 'application/json';
    const entry = own(content, type) ?? own(content, 'application/json') ?? own(content, '$default');
    if (!entry?.schema) return;
    const validate = this.compile(entry.schema);
    const fail = (validationErrorString: string) => {
      ctx.validationErrorString = validationErrorString;
      return new GatewayError('BAD_REQUEST_BODY', { validationErrorString, detail: `request body: ${validationErrorString}` });
    };
    if (validate instanceof Error) throw fail(`the model cannot be compiled: ${validate.message}`);
    const text = ctx.request.body.toString('utf8');
    let body: unknown;
    try {
      // An empty body is validated as {}.
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch (e) {
      throw fail(`[Invalid JSON: ${(e as Error).message}]`);
    }
    if (!validate(body)) throw fail(validationErrorString(validate.errors ?? []));
  }

  private compile(schema: Schema): ValidateFunction | Error {
    const known = this.compiled.get(schema);
    if (known) return known;
    let v: ValidateFunction | Error;
    try {
      v = this.ajv.compile(rebase(schema));
    } catch (e) {
      v = e instanceof Error ? e : new Error(String(e));
    }
    this.compiled.set(schema, v);
    return v;
  }
}

/** Local refs `#/components/schemas/X` point into the `models` document. */
function rebase(schema: unknown): Schema {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) =>
    key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/') ? `models${value}` : value) as Schema;
}

/** In the style of AWS's messages: `[object has missing required properties (["name"])]`. */
function validationErrorString(errors: readonly ErrorObject[]): string {
  const parts = errors.slice(0, 10).map((e) => {
    const at = e.instancePath === '' ? '' : ` at ${e.instancePath}`;
    if (e.keyword === 'required') return `object has missing required properties (["${String(e.params.missingProperty)}"])${at}`;
    if (e.keyword === 'type') return `instance type does not match any allowed primitive type (allowed: ["${String(e.params.type)}"])${at}`;
    return `${e.message ?? e.keyword}${at}`;
  });
  return `[${parts.join(', ')}]`;
}
