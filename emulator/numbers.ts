import { activeNumberView, applyRoute, findNumber } from "./active-numbers";
import { EmulatorError } from "./errors";
import { newActiveNumber, type ProjectState, type StoredActiveNumber, type VoiceRoute } from "./snapshot";
import type { Store } from "./store";
import { ulid } from "./ulid";

/** How voice provisioning behaves: how long it takes, and which provisionings fail. */
export interface ProvisioningSettings {
  /** Milliseconds from a PATCH to its provisioning completing. */
  delayMs: number;
  /** Numbers whose next provisioning fails (each once). */
  failNumbers: string[];
  /** Every provisioning fails while set. */
  failAll: boolean;
}

/** A voice configuration a seeded number starts with, already in effect. */
export type SeedVoice = { type: "FAX"; serviceId: string } | { type: "RTC"; appId: string } | { type: "EST"; trunkId: string };

/** An active number to seed; what is left out gets the defaults of `POST /_emulator/active-numbers`. */
export interface SeedNumber {
  phoneNumber: string;
  projectId?: string | undefined;
  regionCode?: string | undefined;
  type?: StoredActiveNumber["type"] | undefined;
  capability?: StoredActiveNumber["capability"] | undefined;
  displayName?: string | undefined;
  voiceConfiguration?: SeedVoice | undefined;
}

/** The number is an active number of another project (a number belongs to one project). */
export class NumberConflict extends EmulatorError {}

/** The project, or the FAX service a seed names, does not exist. */
export class UnknownTarget extends EmulatorError {}

/**
 * The Numbers API's active numbers in process: seeding, and the asynchronous
 * voice provisioning. A provisioning shows as `WAITING` at once and completes
 * (or fails) after {@link ProvisioningSettings.delayMs}; its timer is keyed by
 * a ticket kept in the state, so a replaced provisioning's timer does nothing,
 * and a restart from the data file resumes the ones still waiting.
 */
export class ActiveNumbers {
  private timers = new Map<string, NodeJS.Timeout>();
  /** The current settings; change them with {@link setProvisioning}. */
  provisioning: ProvisioningSettings;

  constructor(
    private readonly store: Store,
    private readonly defaultProjectId: string,
    private readonly defaultDelayMs: number,
  ) {
    this.provisioning = { delayMs: defaultDelayMs, failNumbers: [], failAll: false };
  }

  /** Seeds (or replaces) an active number, routed at once when a voice configuration is given; returns it as the API shows it. */
  seed(input: SeedNumber): Record<string, unknown> {
    const projectId = input.projectId ?? this.defaultProjectId;
    if (!this.store.hasProject(projectId)) throw new UnknownTarget(`No project ${projectId}`);
    const owner = this.store.numberOwner(input.phoneNumber);
    if (owner !== undefined && owner !== projectId) {
      throw new NumberConflict(`${input.phoneNumber} is an active number of another project`);
    }
    const voice = input.voiceConfiguration;
    const route: VoiceRoute | undefined = voice && {
      type: voice.type,
      id: voice.type === "FAX" ? voice.serviceId : voice.type === "RTC" ? voice.appId : voice.trunkId,
    };
    if (route?.type === "FAX" && !this.store.getService(projectId, route.id)) {
      throw new UnknownTarget(`No service ${route.id} in project ${projectId}`);
    }
    return this.store.change(projectId, (project) => {
      const now = new Date().toISOString();
      const old = findNumber(project, input.phoneNumber);
      if (old) applyRoute(project, old, { type: "RTC", id: "" }, now);
      const number = newActiveNumber(
        {
          phoneNumber: input.phoneNumber,
          projectId,
          regionCode: input.regionCode ?? "US",
          type: input.type ?? "LOCAL",
          capability: input.capability ?? ["VOICE"],
          displayName: input.displayName ?? "",
        },
        now,
      );
      if (route) applyRoute(project, number, route, now);
      project.activeNumbers = project.activeNumbers.filter((n) => n.phoneNumber !== input.phoneNumber);
      project.activeNumbers.push(number);
      return activeNumberView(number);
    });
  }

  /** An active number as the API shows it, or undefined. */
  get(phoneNumber: string, projectId: string = this.defaultProjectId): Record<string, unknown> | undefined {
    if (!this.store.hasProject(projectId)) return undefined;
    const number = findNumber(this.store.projectState(projectId), phoneNumber);
    return number && activeNumberView(number);
  }

  /** Changes the provisioning settings given; the others stay. */
  setProvisioning(settings: Partial<ProvisioningSettings>): ProvisioningSettings {
    this.provisioning = { ...this.provisioning, ...settings };
    return this.provisioning;
  }

  /**
   * Starts provisioning a route (the caller saves): the number shows it as
   * `WAITING`, replacing any provisioning pending; its route is unchanged
   * until the delay has passed.
   */
  schedule(number: StoredActiveNumber, route: VoiceRoute, now: string): void {
    const ticket = ulid();
    const dueAt = Date.now() + this.provisioning.delayMs;
    number.scheduled = { type: route.type, id: route.id, status: "WAITING", lastUpdatedTime: now, dueAt, ticket };
    this.arm(number.projectId, number.phoneNumber, ticket, dueAt);
  }

  /** Arms a timer for every provisioning still waiting in the state (after a load from the data file). */
  resume(): void {
    this.each((number) => {
      const scheduled = number.scheduled;
      if (scheduled?.status === "WAITING") this.arm(number.projectId, number.phoneNumber, scheduled.ticket, scheduled.dueAt ?? 0);
    });
  }

  /** Completes (or fails) every waiting provisioning now, without waiting for the delay. */
  completePending(): void {
    const waiting: [string, string, string][] = [];
    this.each((n) => {
      if (n.scheduled?.status === "WAITING") waiting.push([n.projectId, n.phoneNumber, n.scheduled.ticket]);
    });
    for (const [projectId, phoneNumber, ticket] of waiting) this.complete(projectId, phoneNumber, ticket);
  }

  /** Stops every timer (on close: a closed emulator must not write its data file any more). */
  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Back to the start: no timers, the settings the emulator started with. */
  reset(): void {
    this.stop();
    this.provisioning = { delayMs: this.defaultDelayMs, failNumbers: [], failAll: false };
  }

  private arm(projectId: string, phoneNumber: string, ticket: string, dueAt: number): void {
    const timer = setTimeout(() => this.complete(projectId, phoneNumber, ticket), Math.max(0, dueAt - Date.now()));
    timer.unref();
    this.timers.set(ticket, timer);
  }

  /**
   * Ends a provisioning, if it is still the number's waiting one: it fails
   * when told to or when its FAX service has gone meanwhile (the number keeps
   * its route, `status: FAILED` stays until the next PATCH); otherwise the
   * route takes effect and `scheduledVoiceProvisioning` is gone.
   */
  private complete(projectId: string, phoneNumber: string, ticket: string): void {
    const timer = this.timers.get(ticket);
    if (timer) clearTimeout(timer);
    this.timers.delete(ticket);
    if (!this.store.hasProject(projectId)) return;
    const project = this.store.projectState(projectId);
    const number = findNumber(project, phoneNumber);
    const scheduled = number?.scheduled;
    if (!number || !scheduled || scheduled.ticket !== ticket || scheduled.status !== "WAITING") return;
    this.store.change(projectId, () => {
      const now = new Date().toISOString();
      if (this.fails(phoneNumber) || (scheduled.type === "FAX" && !serviceExists(project, scheduled.id))) {
        number.scheduled = { type: scheduled.type, id: scheduled.id, status: "FAILED", lastUpdatedTime: now, ticket };
        return;
      }
      applyRoute(project, number, scheduled, now);
      delete number.scheduled;
    });
  }

  private fails(phoneNumber: string): boolean {
    if (this.provisioning.failAll) return true;
    if (!this.provisioning.failNumbers.includes(phoneNumber)) return false;
    this.provisioning = { ...this.provisioning, failNumbers: this.provisioning.failNumbers.filter((n) => n !== phoneNumber) };
    return true;
  }

  private each(visit: (number: StoredActiveNumber) => void): void {
    for (const project of Object.values(this.store.dump().projects)) project.activeNumbers.forEach(visit);
  }
}

function serviceExists(project: ProjectState, serviceId: string): boolean {
  return project.services.some((s) => s.id === serviceId);
}
