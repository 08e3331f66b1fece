import type { ServiceFields } from "../../client/schemas";

/** The writable fields of a service, in the order the API documents them. */
export const WRITABLE_FIELDS = [
  "name",
  "incomingWebhookUrl",
  "webhookContentType",
  "defaultForProject",
  "defaultFrom",
  "numberOfRetries",
  "retryDelaySeconds",
  "imageConversionMethod",
  "coverPageId",
  "saveOutboundFaxDocuments",
  "saveInboundFaxDocuments",
  "scanIncomingBarcodes",
  "inProgressNotifications",
  "resolution",
] as const;

/** One writable field of a service. */
export type WritableField = (typeof WRITABLE_FIELDS)[number];

/**
 * Documented defaults. `resolution` has none documented; the reference says to
 * treat `FINE` as the server's value when unset, so it is filled in like one.
 */
export const DEFAULTS = {
  name: "Default service",
  webhookContentType: "multipart/form-data",
  defaultForProject: false,
  numberOfRetries: 3,
  retryDelaySeconds: 60,
  imageConversionMethod: "HALFTONE",
  saveOutboundFaxDocuments: true,
  saveInboundFaxDocuments: true,
  scanIncomingBarcodes: false,
  inProgressNotifications: false,
  resolution: "FINE",
} as const satisfies Partial<Record<WritableField, unknown>>;

/** Fields without a default: leaving them out clears them (`null` in a PATCH). */
export const CLEARABLE_FIELDS = ["incomingWebhookUrl", "defaultFrom", "coverPageId"] as const;

/** The desired settings of a service after `check`: every defaulted field present. */
export type DesiredFields = Required<Omit<ServiceFields, (typeof CLEARABLE_FIELDS)[number]>> & {
  incomingWebhookUrl?: string;
  defaultFrom?: string;
  coverPageId?: string;
};

/** The checked inputs of a FaxService: its fields, the project, and what to adopt. */
export type CheckedInputs = DesiredFields & {
  projectId: string;
  adopt?: string;
  /** The serialized provider, which the engine passes along; state written by a partial failure must keep it. */
  __provider?: unknown;
};

/** A phone number attached to a service, as kept in state. */
export interface NumberState {
  phoneNumber: string;
  permissions: "both" | "send" | "receive";
  country?: string;
  suspended?: boolean;
  note?: string;
}

/** What state holds for a FaxService: the service as the API reports it, and our bookkeeping. */
export type ServiceState = DesiredFields & {
  projectId: string;
  createdAt?: string;
  updatedAt?: string;
  numbers: NumberState[];
  /** The `adopt` input the service was taken over with, if any. */
  adopt?: string;
  /** True when the service existed before the stack: destroy releases it instead of deleting it. */
  adopted: boolean;
  /** An adopted service's settings before adoption, as the API reported them; restored on release. */
  originalSettings?: Partial<DesiredFields>;
  /**
   * Set while the id is a placeholder: a create whose outcome could not be
   * confirmed (see `unconfirmed.ts`). `resolved` is written by
   * `sinch-fax-recover`: the service the attempt made, or none.
   */
  unconfirmedCreate?: { startedAt: string; resolved?: { serviceId?: string } };
};

/** The engine's placeholder for a value not known during preview (pulumi/pulumi#6310). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True for the engine's unknown-value placeholder. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** Picks the writable fields out of any record (state, inputs or an API service). */
export function writableFields(source: Partial<Record<WritableField, unknown>>): Partial<Record<WritableField, unknown>> {
  const out: Partial<Record<WritableField, unknown>> = {};
  for (const field of WRITABLE_FIELDS) if (source[field] !== undefined) out[field] = source[field];
  return out;
}
