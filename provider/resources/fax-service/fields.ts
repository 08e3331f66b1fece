import { type DesiredFields, FAX_SERVICE_FIELDS } from "../../fields/fax-service";
import { type ApiFieldOf, type DefaultsOf, defaultsOf, type FieldSpec, fieldNames, withTableDefaults } from "../../fields/table";
import type { AdoptionRecord } from "./adoption";

export type { DesiredFields } from "../../fields/fax-service";
export { isUnknown, UNKNOWN } from "../../fields/table";

/** One writable field of a service. */
export type WritableField = ApiFieldOf<typeof FAX_SERVICE_FIELDS>;

/** The writable fields of a service, in the order the API documents them (from the field table). */
export const WRITABLE_FIELDS: readonly WritableField[] = fieldNames(FAX_SERVICE_FIELDS, "api") as WritableField[];

/** The documented defaults (from the field table). */
export const DEFAULTS = defaultsOf(FAX_SERVICE_FIELDS) as DefaultsOf<typeof FAX_SERVICE_FIELDS>;

/** Fields without a default: leaving them out clears them (from the field table). */
export const CLEARABLE_FIELDS: readonly WritableField[] = WRITABLE_FIELDS.filter(
  (f) => (FAX_SERVICE_FIELDS[f] as FieldSpec).clearable === true,
);

/** The checked inputs of a FaxService with its defaults filled in: its fields, the project, and what to adopt. */
export type CheckedInputs = DesiredFields & {
  projectId: string;
  coverPages?: DesiredCoverPage[];
  coverPage?: string;
  adopt?: string;
  /** What the service to adopt was before (read by `check`; see `adoption.ts`). */
  adoption?: AdoptionRecord;
  /** The serialized provider, which the engine passes along; state written by a partial failure must keep it. */
  __provider?: unknown;
};

/**
 * The inputs as `check` returns them and state keeps them: what the program
 * gave, without the documented defaults. The engine rewrites every resource's
 * inputs into the state file at each step of an operation, so bytes there cost
 * time on large stacks (bench/results/bench.md); {@link withDefaults} puts the
 * defaults back wherever inputs are compared or sent.
 */
export type GivenInputs = Omit<CheckedInputs, DefaultedField> & Partial<Pick<CheckedInputs, DefaultedField>>;

/** The fields with a documented default. */
type DefaultedField = keyof typeof DEFAULTS & keyof DesiredFields;

/** Inputs with the documented defaults filled in where the program gave no value: the service as it should be. */
export function withDefaults(inputs: GivenInputs): CheckedInputs {
  return withTableDefaults(FAX_SERVICE_FIELDS, inputs) as CheckedInputs;
}

/** A phone number attached to a service, as kept in state. */
export interface NumberState {
  phoneNumber: string;
  permissions: "both" | "send" | "receive";
  country?: string;
  suspended?: boolean;
  note?: string;
}

/** A declared cover page after `check`: its name, its file, and what the PDF is. */
export interface DesiredCoverPage {
  name: string;
  /** The path the PDF is read from (relative to the program). */
  file: string;
  sha256: string;
  size: number;
}

/** A cover page as state keeps it: the page Sinch holds, and the PDF it was made from (never its content). */
export interface CoverPageState extends DesiredCoverPage {
  id: string;
}

/** What state holds for a FaxService: the service as the API reports it, and our bookkeeping. */
export type ServiceState = DesiredFields & {
  projectId: string;
  /** The cover pages this stack made for the service (none: the key is absent or empty). */
  coverPages?: CoverPageState[];
  /** Which of them the service stamps (its `coverPageId`). */
  coverPage?: string;
  createdAt?: string;
  updatedAt?: string;
  numbers: NumberState[];
  /** The `adopt` input the service was taken over with, if any. */
  adopt?: string;
  /** True when the service existed before the stack: destroy releases it instead of deleting it. */
  adopted: boolean;
  /** An adopted service's settings before adoption, as the API reported them; restored on release. */
  originalSettings?: Partial<DesiredFields>;
  /** The cover pages an adopted service had before adoption: the user's, never deleted or taken by the stack. */
  originalPageIds?: string[];
  /**
   * Set while the id is a placeholder: a create whose outcome could not be
   * confirmed (see `unconfirmed.ts`). `resolved` is written by
   * `sinch-fax-recover`: the service the attempt made, or none.
   */
  unconfirmedCreate?: { startedAt: string; resolved?: { serviceId?: string } };
};

/** Picks the writable fields out of any record (state, inputs or an API service). */
export function writableFields(source: Partial<Record<WritableField, unknown>>): Partial<Record<WritableField, unknown>> {
  const out: Partial<Record<WritableField, unknown>> = {};
  for (const field of WRITABLE_FIELDS) if (source[field] !== undefined) out[field] = source[field];
  return out;
}
