import type { CheckFailure, DiffResult } from "@pulumi/pulumi/dynamic";
import { missingProjectMessage } from "../config";
import type { CheckedInputs } from "../model/fields";
import { decideDiff } from "../model/plan";
import { isUnconfirmed } from "../model/unconfirmed";
import { checkInputs } from "../model/validate";
import { currentSettings } from "../runtime";

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
