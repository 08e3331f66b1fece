import { sep } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { hideFramesFrom } from "./source-position";

/** This folder: its frames (our resource classes) are not where a resource is declared. */
const PROGRAM_DIR = `${__dirname}${sep}`;

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

/**
 * A resource of this package: a dynamic resource of module `sinch-fax`,
 * registered without per-promise stack traces. `props` holds the arguments and
 * a key for every output (see {@link propsOf}).
 */
export abstract class SinchFaxResource extends pulumi.dynamic.Resource {
  protected constructor(
    provider: pulumi.dynamic.ResourceProvider,
    type: string,
    name: string,
    props: pulumi.Inputs,
    opts?: pulumi.CustomResourceOptions,
  ) {
    // Pulumi records a stack trace for every output promise (for leak reports);
    // with ts-node's source maps that is ~10 ms a resource for a score of
    // outputs. Skipped unless SINCH_FAX_FULL_STACK_TRACES is set.
    const limit = Error.stackTraceLimit;
    if (!process.env.SINCH_FAX_FULL_STACK_TRACES) Error.stackTraceLimit = 0;
    // The position Pulumi records is the user's line, not our constructors' (see source-position.ts).
    const restore = hideFramesFrom(PROGRAM_DIR);
    try {
      super(provider, name, props, opts, "sinch-fax", type);
    } finally {
      restore();
      Error.stackTraceLimit = limit;
    }
  }
}
