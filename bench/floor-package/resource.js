/**
 * The floor's resource class, registered as pulumi-sinch-fax's resources are:
 * from a package module, without per-promise stack traces, and with this
 * module's frames left out of the stack trace Pulumi records, so the source
 * position in state is the program's line (provider/program/register.ts and
 * source-position.ts do the same for ours).
 */
const { sep } = require("node:path");
const pulumi = require("@pulumi/pulumi");

const HERE = `${__dirname}${sep}`;

class FloorResource extends pulumi.dynamic.Resource {
  constructor(provider, name, props, type) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const previous = Error.prepareStackTrace;
    Error.prepareStackTrace = (error, frames) => {
      const kept = frames.filter((frame) => !frame.getFileName()?.startsWith(HERE));
      return previous ? previous(error, kept) : [String(error), ...kept.map((frame) => `    at ${frame}`)].join("\n");
    };
    try {
      super(provider, name, props, undefined, "bench", type);
    } finally {
      Error.prepareStackTrace = previous;
      Error.stackTraceLimit = limit;
    }
  }
}

module.exports = { FloorResource };
