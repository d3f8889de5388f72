// What one template render may consume. API Gateway documents two of these (the #foreach cap and,
// through the payload limit, the output size); the others bound what a template could otherwise
// make the engine allocate or compute without limit (an untrusted template must not exhaust
// `lint`, `build` or `vtl render`). Each is reported as a located VtlLimitError.
//
// | limit                      | value      | why this value |
// | -------------------------- | ---------- | -------------- |
// | #foreach iterations        | 1,000      | API Gateway: "#foreach is limited to 1000 iterations" (Mapping template reference); later items are skipped, not an error |
// | output                     | 10 MiB     | API Gateway's 10 MB payload quota: the output is the integration request/response body |
// | one string                 | 10 MiB     | nothing longer can reach the output |
// | characters made per render | 100 MiB    | ten payloads' worth of strings built by +, interpolation, methods, $util and $input |
// | list/map elements made     | 1,000,000  | ranges, list/map literals and add/put growth; a 10 MB JSON body yields at most ~5 M values, but a template cannot print more than 10 MiB of them |
// | loop iterations per render | 1,000,000  | 1,000 × 1,000: two fully nested #foreach loops; deeper nesting multiplies work with no output to show for it |
// | macro/#evaluate/#define nesting | 20    | Velocity 1.7's default velocimacro.max.depth |
// | parser nesting             | 100        | see MAX_NESTING_DEPTH in parse.ts |

export const MAX_FOREACH_ITERATIONS = 1000;
export const MAX_OUTPUT_CHARS = 10 * 1024 * 1024;
export const MAX_STRING_CHARS = 10 * 1024 * 1024;
export const MAX_CHARS_PER_RENDER = 100 * 1024 * 1024;
export const MAX_ELEMENTS_PER_RENDER = 1_000_000;
export const MAX_ITERATIONS_PER_RENDER = 1_000_000;
export const MAX_CALL_DEPTH = 20;
