import type { DiffResult } from "@pulumi/pulumi/dynamic";

/**
 * What a resource's `diff` returns: the engine's diff result, and the inputs
 * that differ, which the plugin reports to the engine for display (a dynamic
 * provider has no way to).
 */
export type ResourceDiff = DiffResult & { diffs?: string[] };
