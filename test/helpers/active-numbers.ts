import type { Emulator } from "../../emulator";
import { activeNumbersPath, control, rawRequest, servicesPath } from "./emulator";

/** Seeds an active number through `POST /_emulator/active-numbers`; the number as the API shows it. */
export async function seedNumber(emulator: Emulator, body: Record<string, unknown>): Promise<any> {
  const res = await control(emulator, "POST", "active-numbers", body);
  if (res.status !== 200) throw new Error(`seeding answered ${res.status}: ${JSON.stringify(res.json)}`);
  return res.json;
}

/** `GET` of an active number. */
export function getNumber(emulator: Emulator, phoneNumber: string) {
  return rawRequest(emulator, "GET", activeNumbersPath(emulator, phoneNumber));
}

/** `PATCH` of an active number. */
export function patchNumber(emulator: Emulator, phoneNumber: string, body: unknown) {
  return rawRequest(emulator, "PATCH", activeNumbersPath(emulator, phoneNumber), { body: JSON.stringify(body) });
}

/** The phone numbers the Fax API lists for a service. */
export async function faxNumbers(emulator: Emulator, serviceId: string): Promise<string[]> {
  const res = await rawRequest(emulator, "GET", `${servicesPath(emulator, serviceId)}/numbers`);
  return res.json.numbers.map((n: { phoneNumber: string }) => n.phoneNumber);
}

/** Polls until the number has no provisioning waiting; the number as its last GET showed it. */
export async function settled(emulator: Emulator, phoneNumber: string): Promise<any> {
  for (let i = 0; i < 100; i++) {
    const res = await getNumber(emulator, phoneNumber);
    if (res.json.voiceConfiguration.scheduledVoiceProvisioning?.status !== "WAITING") return res.json;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the provisioning of ${phoneNumber} never ended`);
}
