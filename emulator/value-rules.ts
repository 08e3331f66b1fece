/**
 * Whether a parsed JSON value is an object: not an array, `null` or a
 * primitive (JSON.parse makes nothing else, so no class instances to tell apart).
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === "[object Object]";
}
