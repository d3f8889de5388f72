// Which Lambda function an integration or authorizer invokes, from every form real specs use:
// literal invocation ARNs, bare function ARNs (HTTP APIs), `Fn::Sub` with `${Fn.Arn}` /
// `${Fn}` / pseudo parameters, `Fn::GetAtt [Fn, Arn]`, `Fn::Join` pieces, `Ref`, stage
// variables (`function:${stageVariables.fn}`), and aliases/versions (`function:name:alias`).

import type { FunctionRef } from './types.js';
import { valueText } from './values.js';

/** The function part of an invocation URI (`…/functions/<here>/invocations`). */
const INVOCATION = /\/functions\/(.+?)\/(?:response-streaming-)?invocations\/?$/;
/** `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`, placeholders allowed. */
const SEG = String.raw`(?:\$\{[^}]*\}|[^:$]|\$(?!\{))*`;
const FUNCTION_ARN = new RegExp(String.raw`^arn:(${SEG}):lambda:(${SEG}):(${SEG}):function:((?:\$\{[^}]*\}|[^:$]|\$(?!\{))+)(?::(.+))?$`);
/** A whole value that is one CloudFormation reference: `${MyFunction}` or `${MyFunction.Arn}`. */
const CFN_REFERENCE = /^\$\{([A-Za-z0-9]+)(?:\.(Arn))?\}(?::(.+))?$/;
const STAGE_VARIABLE = /\$\{stageVariables\.([A-Za-z0-9_]+)\}/;
/** A logical id, as opposed to a pseudo parameter (`AWS::Region`) or a stage variable. */
const LOGICAL_ID = /^\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9]+)?\}$/;

/** The function a Lambda integration/authorizer `uri` invokes, or undefined when the uri names none. */
export function functionRefFromUri(uri: unknown): FunctionRef | undefined {
  const text = valueText(uri);
  if (text === undefined || text.trim() === '') return undefined;
  const m = INVOCATION.exec(text);
  const target = m ? m[1]! : text;
  if (!m && !FUNCTION_ARN.test(target) && !CFN_REFERENCE.test(target) && !STAGE_VARIABLE.test(target)) return undefined;
  return functionRefFromTarget(target);
}

/** Identify a function from the text naming it (an ARN, a `${X}` reference, a stage variable). */
function functionRefFromTarget(target: string): FunctionRef {
  const cfn = CFN_REFERENCE.exec(target);
  if (cfn) {
    const ref: FunctionRef = { key: `cfn:${cfn[1]}`, name: cfn[1]!, logicalId: cfn[1]! };
    if (cfn[3] !== undefined) ref.alias = cfn[3];
    return ref;
  }
  const arn = FUNCTION_ARN.exec(target);
  if (arn) {
    const [, partition, region, account, name, qualifier] = arn as unknown as [string, string, string, string, string, string | undefined];
    const ref: FunctionRef = { key: '', name };
    if (region !== '') ref.region = region;
    if (account !== '') ref.account = account;
    if (qualifier !== undefined) ref.alias = qualifier;
    const stageVar = STAGE_VARIABLE.exec(name);
    const logical = LOGICAL_ID.exec(name);
    if (stageVar) {
      ref.stageVariable = stageVar[1]!;
      ref.name = stageVar[1]!;
      ref.key = `stagevar:${name}`;
    } else if (logical) {
      ref.logicalId = logical[1]!;
      ref.name = logical[1]!;
      ref.key = `cfn:${logical[1]}`;
    } else {
      // The alias is not part of the identity: `fn:live` and `fn:2` run the same function's code.
      const unqualified = `arn:${partition}:lambda:${region}:${account}:function:${name}`;
      ref.arn = target;
      ref.key = `arn:${unqualified}`;
    }
    return ref;
  }
  const stageVar = STAGE_VARIABLE.exec(target);
  if (stageVar) return { key: `stagevar:${target}`, name: stageVar[1]!, stageVariable: stageVar[1]! };
  return { key: `uri:${target}`, name: target };
}
