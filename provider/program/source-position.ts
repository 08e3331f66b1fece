/**
 * Leaves the stack frames of files under `dir` out of every stack trace taken
 * until the returned function is called (the formatter in place, such as
 * ts-node's source maps, still formats the rest).
 *
 * Pulumi records where each resource was declared (its `sourcePosition` and
 * `stackTrace` in state) from a stack trace taken as the resource registers,
 * skipping a fixed number of frames meant for `new Resource` >
 * `new CustomResource` > `new Bucket` > user code. Our resources sit two
 * classes deeper, so without this the position would be a line of this
 * package, never the user's, and every resource's state would carry two
 * long `node_modules` paths more (about 250 bytes, written again at each
 * checkpoint).
 */
export function hideFramesFrom(dir: string): () => void {
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = (error, frames) => {
    const kept = frames.filter((frame) => !frame.getFileName()?.startsWith(dir));
    return previous ? previous(error, kept) : [String(error), ...kept.map((frame) => `    at ${frame}`)].join("\n");
  };
  return () => {
    Error.prepareStackTrace = previous;
  };
}
