/** Deeper JSON is logged as its raw text: serialising it again for the log could overflow the stack. */
const MAX_LOGGED_DEPTH = 64;

/**
 * The log keeps what a request looked like, not its payload: a string longer
 * than this (a cover page's PDF, a hostile megabyte) is kept as its length, so
 * the log of a long run stays small and `/_emulator/requests` can always answer.
 */
export const MAX_LOGGED_STRING = 1024;

/** How many requests the log keeps (the latest); older ones are dropped. Each is small: see {@link MAX_LOGGED_STRING}. */
export const REQUEST_LOG_SIZE = 10_000;

const summary = (text: string) => `[${text.length} characters, not kept]`;

/** A request body as the log keeps it: parsed JSON, the raw text when it is not JSON (or too deep), undefined when empty; long strings summarised. */
export function parseLogged(body: string): unknown {
  if (body === "") return undefined;
  try {
    const value: unknown = JSON.parse(body);
    return depthAtMost(value, MAX_LOGGED_DEPTH) ? shortened(value) : shortText(body);
  } catch {
    return shortText(body);
  }
}

function shortText(text: string): string {
  return text.length > MAX_LOGGED_STRING ? summary(text) : text;
}

/** The value with every long string in it summarised (its depth is bounded already). */
function shortened(value: unknown): unknown {
  if (typeof value === "string") return shortText(value);
  if (Array.isArray(value)) return value.map(shortened);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shortened(v)]));
  return value;
}

/** Whether a parsed JSON value nests at most `limit` deep (checked without recursion). */
function depthAtMost(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    if (typeof node !== "object" || node === null) continue;
    if (depth >= limit) return false;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return true;
}
