import { sep } from "node:path";
import { hideFramesFrom } from "../../provider/program/source-position";

/** A whole stack trace taken one call deep in this file. */
function traceHere(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Number.POSITIVE_INFINITY;
  try {
    return new Error("here").stack ?? "";
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The same trace, taken while the frames of files under `dir` are hidden. */
function traceHiding(dir: string): string {
  const restore = hideFramesFrom(dir);
  try {
    return traceHere();
  } finally {
    restore();
  }
}

describe("the source position Pulumi records for our resources", () => {
  test("frames of the hidden folder are left out; the others stay, formatted as before", () => {
    const before = traceHere();
    expect(before).toContain("source-position.test.ts");
    const hidden = traceHiding(`${__dirname}${sep}`);
    expect(hidden).not.toContain("source-position.test.ts");
    expect(hidden.split("\n")[0]).toBe("Error: here");
    // What called into this file (jest) is still there, each frame as before (V8's own
    // writing of a frame marks an awaited caller "async", Node's does not).
    const callers = (trace: string) =>
      trace
        .split("\n")
        .filter((line) => line.includes("node_modules"))
        .map((line) => line.replace(" at async ", " at "));
    expect(callers(hidden).length).toBeGreaterThan(5);
    expect(callers(hidden)).toEqual(callers(before));
  });

  test("the formatter in place is put back, and another folder hides nothing of this one", () => {
    const formatter = Error.prepareStackTrace;
    hideFramesFrom(`${__dirname}${sep}elsewhere${sep}`)();
    expect(Error.prepareStackTrace).toBe(formatter);
    expect(traceHiding(`${__dirname}${sep}elsewhere${sep}`)).toContain("source-position.test.ts");
  });

  test("a formatter in place (ts-node's source maps) formats the frames kept", () => {
    const formatter = Error.prepareStackTrace;
    Error.prepareStackTrace = (_error, frames) => frames.map((frame) => frame.getFileName()).join("\n");
    try {
      const hidden = traceHiding(`${__dirname}${sep}`);
      expect(hidden.length).toBeGreaterThan(0);
      expect(hidden).not.toContain("source-position.test.ts");
      expect(traceHere()).toContain("source-position.test.ts");
    } finally {
      Error.prepareStackTrace = formatter;
    }
  });

  test("without a formatter in place, frames are written as V8 writes them", () => {
    const formatter = Error.prepareStackTrace;
    Object.assign(Error, { prepareStackTrace: undefined });
    try {
      const hidden = traceHiding(`${__dirname}${sep}`);
      expect(hidden).not.toContain("source-position.test.ts");
      expect(hidden.split("\n")[0]).toBe("Error: here");
      expect(hidden.split("\n")[1]).toMatch(/^ {4}at .+:\d+:\d+\)?$/);
      expect(Error.prepareStackTrace).toBeUndefined();
    } finally {
      Error.prepareStackTrace = formatter;
    }
  });
});
