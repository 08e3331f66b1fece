import type * as pulumi from "@pulumi/pulumi";

/**
 * Pulumi records a stack trace for every output promise (for leak reports);
 * with ts-node's source maps that is ~10 ms a resource for a score of outputs.
 * They are skipped while a resource registers unless SINCH_FAX_FULL_STACK_TRACES
 * is set. Call right before `super(…)`, and the function it returns right after.
 */
export function quietStackTraces(): () => void {
  const limit = Error.stackTraceLimit;
  if (!process.env.SINCH_FAX_FULL_STACK_TRACES) Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = limit;
  };
}

/**
 * The properties a resource registers: every argument given, known or not (so
 * `check` can name a misspelt input instead of dropping it), and a key for
 * every output (an output without one does not exist on the resource).
 */
export function propsOf(args: object, outputs: readonly string[]): pulumi.Inputs {
  const props: Record<string, unknown> = { ...args };
  for (const key of outputs) props[key] ??= undefined;
  return props;
}
