// Gateway errors: the only way a stage fails. Each is one of the gateway-response types API
// Gateway defines (AWS docs: "Gateway response types for API Gateway"); `gateway-responses.ts`
// renders them, so every error the client sees goes through one place.

export type GatewayResponseType =
  | 'ACCESS_DENIED' | 'API_CONFIGURATION_ERROR' | 'AUTHORIZER_CONFIGURATION_ERROR' | 'AUTHORIZER_FAILURE'
  | 'BAD_REQUEST_PARAMETERS' | 'BAD_REQUEST_BODY' | 'DEFAULT_4XX' | 'DEFAULT_5XX' | 'EXPIRED_TOKEN'
  | 'INTEGRATION_FAILURE' | 'INTEGRATION_TIMEOUT' | 'INVALID_API_KEY' | 'INVALID_SIGNATURE'
  | 'MISSING_AUTHENTICATION_TOKEN' | 'QUOTA_EXCEEDED' | 'REQUEST_TOO_LARGE' | 'RESOURCE_NOT_FOUND'
  | 'THROTTLED' | 'UNAUTHORIZED' | 'UNSUPPORTED_MEDIA_TYPE' | 'WAF_FILTERED';

interface TypeDefault {
  status: number;
  message: string;
  /** The `x-amzn-ErrorType` header AWS sends with it. */
  errorType: string;
}

/** Status, message and error type of each response type when the API does not customise it. */
export const RESPONSE_DEFAULTS: Readonly<Record<GatewayResponseType, TypeDefault>> = {
  ACCESS_DENIED: { status: 403, message: 'User is not authorized to access this resource', errorType: 'AccessDeniedException' },
  API_CONFIGURATION_ERROR: { status: 500, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  AUTHORIZER_CONFIGURATION_ERROR: { status: 500, message: 'Internal server error', errorType: 'AuthorizerConfigurationException' },
  AUTHORIZER_FAILURE: { status: 500, message: 'Internal server error', errorType: 'AuthorizerFailureException' },
  BAD_REQUEST_PARAMETERS: { status: 400, message: 'Bad request', errorType: 'BadRequestException' },
  BAD_REQUEST_BODY: { status: 400, message: 'Invalid request body', errorType: 'BadRequestException' },
  DEFAULT_4XX: { status: 400, message: 'Bad request', errorType: 'BadRequestException' },
  DEFAULT_5XX: { status: 500, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  EXPIRED_TOKEN: { status: 403, message: 'The security token included in the request is expired', errorType: 'ExpiredTokenException' },
  INTEGRATION_FAILURE: { status: 504, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  INTEGRATION_TIMEOUT: { status: 504, message: 'Endpoint request timed out', errorType: 'InternalServerErrorException' },
  INVALID_API_KEY: { status: 403, message: 'Forbidden', errorType: 'ForbiddenException' },
  INVALID_SIGNATURE: { status: 403, message: 'The request signature we calculated does not match the signature you provided', errorType: 'InvalidSignatureException' },
  MISSING_AUTHENTICATION_TOKEN: { status: 403, message: 'Missing Authentication Token', errorType: 'MissingAuthenticationTokenException' },
  QUOTA_EXCEEDED: { status: 429, message: 'Limit Exceeded', errorType: 'LimitExceededException' },
  REQUEST_TOO_LARGE: { status: 413, message: 'Request Too Long', errorType: 'RequestTooLargeException' },
  RESOURCE_NOT_FOUND: { status: 404, message: 'Not Found', errorType: 'NotFoundException' },
  THROTTLED: { status: 429, message: 'Too Many Requests', errorType: 'TooManyRequestsException' },
  UNAUTHORIZED: { status: 401, message: 'Unauthorized', errorType: 'UnauthorizedException' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported Media Type', errorType: 'UnsupportedMediaTypeException' },
  WAF_FILTERED: { status: 403, message: 'Forbidden', errorType: 'WAFFilteredException' },
};

export interface GatewayErrorOptions {
  /** A status other than the type's default (a Lambda proxy failure is DEFAULT_5XX with 502). */
  status?: number;
  /** The client-facing message (`$context.error.message`); default: the type's. */
  message?: string;
  /** What went wrong, for the local log only: AWS hides it from the client. */
  detail?: string;
  /** `$context.error.validationErrorString`. */
  validationErrorString?: string;
}

export class GatewayError extends Error {
  readonly type: GatewayResponseType;
  readonly status: number;
  readonly detail: string | undefined;
  readonly validationErrorString: string | undefined;

  constructor(type: GatewayResponseType, options: GatewayErrorOptions = {}) {
    super(options.message ?? RESPONSE_DEFAULTS[type].message);
    this.name = 'GatewayError';
    this.type = type;
    this.status = options.status ?? RESPONSE_DEFAULTS[type].status;
    this.detail = options.detail;
    this.validationErrorString = options.validationErrorString;
  }
}

/** The 5XX an integration failure becomes: `Internal server error`, the detail kept for the log. */
export function internalError(detail: string, status = 500): GatewayError {
  return new GatewayError('DEFAULT_5XX', { status, detail });
}
