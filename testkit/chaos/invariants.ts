/**
 * What must hold after every kill and the README's way back, checked against
 * the emulator and the stack's own state file: no duplicate, no orphan, no lost
 * original, exactly one default, state holding exactly what is declared.
 */
import type { Emulator, StoredService } from "../../emulator";
import { type Before, type Declared, projectView, voiceOf } from "./estate";

const IGNORED_FIELDS = new Set(["adopt", "coverPages", "coverPage"]);

/** After an `up`: the project holds exactly the declared estate, besides what it had before. */
export function estateProblems(emulator: Emulator, declared: Declared, before: Before): string[] {
  const problems: string[] = [];
  const project = emulator.store.projectState(emulator.projectId);
  const services = emulator.store.listServices(emulator.projectId);
  const ids = new Map<string, string>();
  for (const [key, spec] of Object.entries(declared.services)) {
    const found =
      spec.adopt !== undefined ? services.filter((s) => s.id === before.defaultId) : services.filter((s) => s.name === spec.name);
    if (found.length !== 1) {
      problems.push(`duplicate/missing: ${found.length} services for ${key} ("${spec.name}")`);
      continue;
    }
    const service = found[0] as StoredService;
    ids.set(key, service.id);
    for (const [field, value] of Object.entries(spec)) {
      const actual = (service as unknown as Record<string, unknown>)[field];
      if (!IGNORED_FIELDS.has(field) && actual !== value)
        problems.push(`${key}.${field} is ${JSON.stringify(actual)}, declared ${JSON.stringify(value)}`);
    }
    if (spec.defaultForProject === undefined && service.defaultForProject && spec.adopt === undefined)
      problems.push(`${key} is a default it does not declare`);
    const pages = project.coverPages.filter((p) => p.serviceId === service.id && p.id !== before.handmadePageId);
    const wanted = ((spec.coverPages ?? []) as Array<{ name: string }>).map((p) => p.name).sort();
    const names = pages.map((p) => p.name).sort();
    if (JSON.stringify(names) !== JSON.stringify(wanted))
      problems.push(`pages of ${key}: ${JSON.stringify(names)}, declared ${JSON.stringify(wanted)}`);
    const stamped = pages.find((p) => p.id === service.coverPageId)?.name;
    if (spec.coverPage !== undefined && stamped !== spec.coverPage)
      problems.push(`${key} stamps ${stamped ?? service.coverPageId}, declared ${spec.coverPage}`);
  }
  const expected = Object.keys(declared.services).length + 1; // the other team's service stays
  if (services.length !== expected)
    problems.push(`duplicates: ${services.length} services exist, ${expected} expected (${services.map((s) => s.name).join(", ")})`);
  if (!project.coverPages.some((p) => p.id === before.handmadePageId)) problems.push("the hand-made cover page of the default is gone");
  const owners = new Set([...ids.values()]);
  for (const page of project.coverPages) {
    if (!owners.has(page.serviceId)) problems.push(`orphaned cover page ${page.name} (${page.id}) on ${page.serviceId}`);
  }
  for (const [key, route] of Object.entries(declared.routes)) {
    const voice = voiceOf(emulator, route.phoneNumber);
    if (voice.type !== "FAX" || voice.serviceId !== ids.get(route.service) || voice.scheduledVoiceProvisioning) {
      problems.push(`${key}: ${route.phoneNumber} is on ${JSON.stringify(voice)}, declared on ${route.service}`);
    }
  }
  const addresses = project.emails.map((e) => `${e.serviceId}/${e.email}:${e.phoneNumbers.map((n) => n.number).sort()}`).sort();
  const declaredAddresses = Object.values(declared.emails)
    .map((e) => `${ids.get(e.service)}/${e.email}:${e.routes.map((r) => declared.routes[r]?.phoneNumber).sort()}`)
    .sort();
  if (JSON.stringify(addresses) !== JSON.stringify(declaredAddresses)) {
    problems.push(`addresses ${JSON.stringify(addresses)}, declared ${JSON.stringify(declaredAddresses)}`);
  }
  const defaults = services.filter((s) => s.defaultForProject).map((s) => s.id);
  const declaredDefault = Object.entries(declared.services).find(([, s]) => s.defaultForProject === true)?.[0];
  if (defaults.length !== 1 || defaults[0] !== ids.get(declaredDefault ?? ""))
    problems.push(`the default is ${defaults.join(", ")}, declared ${declaredDefault}`);
  return problems;
}

/** After the final destroy: the project exactly as it was before the stack (the adopted default released as it was). */
export function destroyedProblems(emulator: Emulator, before: Before): string[] {
  const now = projectView(emulator);
  const problems: string[] = [];
  if (now.services !== before.services) problems.push(`services after destroy ${now.services}, before ${before.services}`);
  if (now.pages !== before.pages) problems.push(`cover pages after destroy ${now.pages}, before ${before.pages}`);
  if (now.routes !== before.routes) problems.push(`routes after destroy ${now.routes}, before ${before.routes}`);
  if (emulator.store.projectState(emulator.projectId).emails.length > 0) problems.push("addresses left after destroy");
  return problems;
}

/** Throughout: the project never had zero or two defaults. */
export function defaultProblems(emulator: Emulator): string[] {
  const bad = emulator.store.defaultHistory.filter((h) => h.defaultServiceIds.length !== 1);
  return bad.length === 0
    ? []
    : [`the project had ${[...new Set(bad.map((h) => h.defaultServiceIds.length))].join(" or ")} defaults at some point`];
}

interface StateFile {
  checkpoint: {
    latest?: {
      resources?: Array<{ urn: string; type: string; id?: string; delete?: boolean; outputs?: Record<string, unknown> }>;
      pending_operations?: unknown[];
    };
  };
}

/** The stack's state file holds exactly the declared resources, under ids the emulator has, and nothing pending. */
export function stateProblems(raw: string, declared: Declared | undefined): string[] {
  const latest = (JSON.parse(raw) as StateFile).checkpoint.latest ?? {};
  const ours = (latest.resources ?? []).filter((r) => /sinch-fax[:/]/.test(r.type) && !r.type.startsWith("pulumi:providers:"));
  const names = ours.map((r) => r.urn.split("::").pop() as string).sort();
  const wanted = declared
    ? [...Object.keys(declared.services), ...Object.keys(declared.routes), ...Object.keys(declared.emails)].sort()
    : [];
  const problems: string[] = [];
  if (JSON.stringify(names) !== JSON.stringify(wanted))
    problems.push(`state holds ${JSON.stringify(names)}, declared ${JSON.stringify(wanted)}`);
  if ((latest.pending_operations ?? []).length > 0)
    problems.push(`state has ${(latest.pending_operations ?? []).length} pending operations`);
  for (const r of ours) {
    if (r.delete) problems.push(`${r.urn.split("::").pop()} is marked for deletion`);
    if (r.outputs?.unconfirmedCreate !== undefined || String(r.id).startsWith("unconfirmed-"))
      problems.push(`${r.urn.split("::").pop()} is unconfirmed`);
  }
  return problems;
}
