import type { CheckFailure, DiffResult } from "@pulumi/pulumi/dynamic";
import { missingProjectMessage } from "../../core/config";
import { currentSettings } from "../../core/runtime";
import type { CheckedInputs } from "./fields";
import { decideDiff } from "./plan";
import { isUnconfirmed } from "./unconfirmed";
import { checkInputs } from "./validate";

/** Validates every input with no API call and fills in the documented defaults. */
export async function check(
  _olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<{ inputs: CheckedInputs; failures: CheckFailure[] }> {
  return checkInputs(news, currentSettings().projectId, missingProjectMessage());
}

/**
 * Field-by-field comparison of the desired inputs with the state; no API call.
 * A create that was never confirmed always differs, so `up` reaches `update`,
 * which explains how to resolve it instead of passing over it in silence.
 */
export async function diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<DiffResult> {
  if (isUnconfirmed(id)) return { changes: true, replaces: [], deleteBeforeReplace: false };
  const { changes, replaces } = decideDiff(olds, news);
  return { changes, replaces, deleteBeforeReplace: false };
}
