import type { ProjectState, StoredActiveNumber, StoredNumber, VoiceRoute, VoiceType } from "./snapshot";

/** The field that carries a voice route's id, by type. */
export const ID_FIELDS: Record<VoiceType, "appId" | "trunkId" | "serviceId"> = { RTC: "appId", EST: "trunkId", FAX: "serviceId" };

/** A project's active number, if it has it. */
export function findNumber(project: ProjectState, phoneNumber: string): StoredActiveNumber | undefined {
  return project.activeNumbers.find((n) => n.phoneNumber === phoneNumber);
}

/** Whether a number is, right now, routed to this FAX service. */
export function isOnService(number: StoredActiveNumber, serviceId: string): boolean {
  return number.voice.type === "FAX" && number.voice.id === serviceId;
}

/** The numbers of a FAX service, as the Fax API lists them: the active numbers routed to it, in the project's order. */
export function serviceNumbers(project: ProjectState, serviceId: string): StoredNumber[] {
  return project.activeNumbers.filter((n) => isOnService(n, serviceId)).map(servicePhoneNumber);
}

/** An active number as a `ServicePhoneNumber` of the service it is routed to. */
export function servicePhoneNumber(number: StoredActiveNumber): StoredNumber {
  const view: StoredNumber = {
    phoneNumber: number.phoneNumber,
    permissions: number.fax.permissions,
    country: number.regionCode,
    suspended: number.fax.suspended,
    projectId: number.projectId,
    serviceId: number.voice.id,
  };
  if (number.fax.note !== undefined) view.note = number.fax.note;
  return view;
}

/**
 * Puts a voice route in effect, as a completed provisioning does. A number
 * that leaves a FAX service loses what it had there: its suspension and note,
 * and its place in that service's email addresses. Re-routing to the same
 * service keeps them.
 */
export function applyRoute(project: ProjectState, number: StoredActiveNumber, route: VoiceRoute, now: string): void {
  const before = number.voice;
  const stays = before.type === "FAX" && route.type === "FAX" && before.id === route.id;
  if (before.type === "FAX" && !stays) {
    for (const email of project.emails) {
      if (email.serviceId !== before.id) continue;
      const kept = email.phoneNumbers.filter((p) => p.number !== number.phoneNumber);
      if (kept.length !== email.phoneNumbers.length) {
        email.phoneNumbers = kept;
        email.updatedAt = now;
      }
    }
  }
  if (!stays) number.fax = { permissions: "both", suspended: false };
  number.voice = { type: route.type, id: route.id, lastUpdatedTime: now };
}

/** An active number as the Numbers API shows it (`ActiveNumberResponse`). */
export function activeNumberView(number: StoredActiveNumber): Record<string, unknown> {
  const voice: Record<string, unknown> = { type: number.voice.type, [ID_FIELDS[number.voice.type]]: number.voice.id };
  // The file makes lastUpdatedTime a non-nullable date-time, and the API omits nulls: absent until a provisioning.
  if (number.voice.lastUpdatedTime !== undefined) voice.lastUpdatedTime = number.voice.lastUpdatedTime;
  const scheduled = number.scheduled;
  if (scheduled) {
    voice.scheduledVoiceProvisioning = {
      type: scheduled.type,
      [ID_FIELDS[scheduled.type]]: scheduled.id,
      status: scheduled.status,
      lastUpdatedTime: scheduled.lastUpdatedTime,
    };
  }
  return {
    phoneNumber: number.phoneNumber,
    projectId: number.projectId,
    displayName: number.displayName,
    regionCode: number.regionCode,
    type: number.type,
    capability: [...number.capability],
    money: { ...number.money },
    paymentIntervalMonths: number.paymentIntervalMonths,
    nextChargeDate: number.nextChargeDate,
    expireAt: number.expireAt,
    smsConfiguration: { ...number.smsConfiguration },
    voiceConfiguration: voice,
    callbackUrl: number.callbackUrl,
  };
}
