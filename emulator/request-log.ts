/** Deeper JSON is logged as its raw text: serialising it again for the log could overflow the stack. */
const MAX_LOGGED_DEPTH = 64;

/** A request body as the log keeps it: parsed JSON, the raw text when it is not JSON (or too deep), undefined when empty. */
export function parseLogged(body: string): unknown {
  if (body === "") return undefined;
  try {
    const value: unknown = JSON.parse(body);
    return depthAtMost(value, MAX_LOGGED_DEPTH) ? value : body;
  } catch {
    return body;
  }
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
