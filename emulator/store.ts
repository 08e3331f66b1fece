import { applyRoute, findNumber, serviceNumbers } from "./active-numbers";
import { DataFile } from "./data-file";
import { EmulatorError } from "./errors";
import { applyFields, newService, type StoredService } from "./service-rules";
import {
  byId,
  type DefaultHistoryEntry,
  emptyProject,
  type ProjectKey,
  type ProjectState,
  routedNumber,
  type Snapshot,
  type StoredNumber,
  upgrade,
} from "./snapshot";
import { ulid } from "./ulid";

export type { DefaultHistoryEntry, ProjectKey, StoredNumber } from "./snapshot";

/** How the emulator enforces `defaultForProject` (see the reference's assumption). */
export type DefaultPolicy = "strict" | "lenient";

/** A rule of the default policy was broken; the API answers 422. */
export class PolicyViolation extends EmulatorError {}

/** A key id that already exists with another secret: a key id is one key. */
export class KeyConflict extends EmulatorError {}

/**
 * All state of the emulated APIs: projects, their services, cover pages,
 * email addresses and active numbers, the access keys, and the default
 * history. Optionally persisted to a JSON file after every change, so a demo
 * survives restarts. Services are changed here; the rest through
 * {@link Store.change}.
 */
export class Store {
  private snapshot: Snapshot;
  private readonly file: DataFile | undefined;

  constructor(
    private readonly initialKeys: ProjectKey[],
    public policy: DefaultPolicy,
    dataFile?: string,
  ) {
    this.file = dataFile ? new DataFile(dataFile) : undefined;
    const saved = this.file?.load();
    this.snapshot = saved ? this.load(saved) : this.fresh();
    this.save();
  }

  /** Back to the initial projects, each with only its "Default service". */
  reset(): void {
    this.snapshot = this.fresh();
    this.save();
  }

  get keys(): readonly ProjectKey[] {
    return this.snapshot.keys;
  }

  get defaultHistory(): readonly DefaultHistoryEntry[] {
    return this.snapshot.defaultHistory;
  }

  /** Adds a project (with its default service) and a key for it; throws {@link KeyConflict}. */
  addProject(key: ProjectKey): void {
    this.ensureProject(key);
    this.save();
  }

  hasProject(projectId: string): boolean {
    return Object.hasOwn(this.snapshot.projects, projectId);
  }

  listServices(projectId: string): StoredService[] {
    return this.project(projectId).services;
  }

  getService(projectId: string, id: string): StoredService | undefined {
    return this.project(projectId).services.find((s) => s.id === id);
  }

  /** Creates a service; promoting it demotes the previous default in the same step. */
  createService(projectId: string, body: Record<string, unknown>, cause: string): StoredService {
    const now = new Date().toISOString();
    const service = newService(ulid(), projectId, now, body);
    const project = this.project(projectId);
    if (service.defaultForProject) this.demoteOthers(project, service.id, now);
    project.services.push(service);
    this.changed(projectId, cause, service.defaultForProject);
    return service;
  }

  /** Applies a partial update under the default policy. */
  updateService(projectId: string, service: StoredService, body: Record<string, unknown>, cause: string): StoredService {
    const project = this.project(projectId);
    const now = new Date().toISOString();
    const promoting = body.defaultForProject === true && !service.defaultForProject;
    const demoting = body.defaultForProject === false && service.defaultForProject;
    if (demoting && this.policy === "strict") {
      throw new PolicyViolation(
        `Service ${service.id} is the project's default service; a project must always have one. ` +
          "Promote another service to default instead.",
      );
    }
    if (promoting) this.demoteOthers(project, service.id, now);
    applyFields(service as unknown as Record<string, unknown>, body);
    service.updatedAt = now;
    this.changed(projectId, cause, promoting || demoting);
    return service;
  }

  /**
   * Deletes a service, its cover pages and email addresses; under the strict
   * policy the default cannot be deleted. Numbers routed to it become unrouted.
   */
  deleteService(projectId: string, service: StoredService, cause: string): void {
    if (service.defaultForProject && this.policy === "strict") {
      throw new PolicyViolation(
        `Service ${service.id} is the project's default service and cannot be deleted. Promote another service to default first.`,
      );
    }
    const project = this.project(projectId);
    const now = new Date().toISOString();
    project.services = project.services.filter((s) => s.id !== service.id);
    project.coverPages = project.coverPages.filter((c) => c.serviceId !== service.id);
    project.emails = project.emails.filter((e) => e.serviceId !== service.id);
    for (const number of project.activeNumbers) {
      if (number.voice.type === "FAX" && number.voice.id === service.id) applyRoute(project, number, { type: "RTC", id: "" }, now);
    }
    this.changed(projectId, cause, service.defaultForProject);
  }

  /** The numbers of a service: the project's active numbers routed to it (FAX). */
  listNumbers(projectId: string, serviceId: string): StoredNumber[] {
    return serviceNumbers(this.project(projectId), serviceId);
  }

  /**
   * Attaches a number to a service at once, as a completed Numbers API
   * routing would: the project's active number is replaced by one routed to
   * the service (created when unknown). Emails of the service it was on lose it.
   */
  attachNumber(number: StoredNumber): void {
    const project = this.project(number.projectId);
    const now = new Date().toISOString();
    const existing = findNumber(project, number.phoneNumber);
    if (existing) applyRoute(project, existing, { type: "RTC", id: "" }, now);
    project.activeNumbers = project.activeNumbers.filter((n) => n.phoneNumber !== number.phoneNumber);
    project.activeNumbers.push(routedNumber(number, now));
    this.save();
  }

  /** A project's state, for reading; throws on an unknown project. */
  projectState(projectId: string): ProjectState {
    return this.project(projectId);
  }

  /** Changes a project's state and saves it; what `mutate` returns is returned. */
  change<T>(projectId: string, mutate: (project: ProjectState) => T): T {
    const result = mutate(this.project(projectId));
    this.save();
    return result;
  }

  /** The project holding a phone number as an active number, if any (a number belongs to one project). */
  numberOwner(phoneNumber: string): string | undefined {
    return Object.keys(this.snapshot.projects).find((id) => findNumber(this.project(id), phoneNumber));
  }

  /** Everything, for `/_emulator/state` and debugging. */
  dump(): Snapshot {
    return this.snapshot;
  }

  private project(projectId: string): ProjectState {
    const project = this.hasProject(projectId) ? this.snapshot.projects[projectId] : undefined;
    if (!project) throw new Error(`unknown project ${projectId}`);
    return project;
  }

  private demoteOthers(project: ProjectState, keepId: string, now: string): void {
    for (const other of project.services) {
      if (other.id !== keepId && other.defaultForProject) {
        other.defaultForProject = false;
        other.updatedAt = now;
      }
    }
  }

  private changed(projectId: string, cause: string, defaultsTouched: boolean): void {
    if (defaultsTouched) this.recordDefaults(projectId, cause);
    this.save();
  }

  private recordDefaults(projectId: string, cause: string): void {
    const history = this.snapshot.defaultHistory;
    history.push({
      seq: history.length + 1,
      time: new Date().toISOString(),
      projectId,
      cause,
      defaultServiceIds: this.project(projectId)
        .services.filter((s) => s.defaultForProject)
        .map((s) => s.id),
    });
  }

  private initialProject(projectId: string): ProjectState {
    const now = new Date().toISOString();
    return emptyProject([newService(ulid(), projectId, now, { defaultForProject: true })]);
  }

  private fresh(): Snapshot {
    this.snapshot = { keys: [], projects: byId({}), defaultHistory: [] };
    for (const key of this.initialKeys) this.ensureProject(key);
    return this.snapshot;
  }

  private load(saved: Snapshot): Snapshot {
    this.snapshot = upgrade(saved, new Date().toISOString());
    // Keys given on the command line work even against an older data file.
    for (const key of this.initialKeys) this.ensureProject(key);
    return this.snapshot;
  }

  private ensureProject(key: ProjectKey): void {
    if (this.snapshot.keys.some((k) => k.keyId === key.keyId && k.keySecret !== key.keySecret)) {
      throw new KeyConflict(`Key id ${key.keyId} already exists with another secret`);
    }
    if (!this.snapshot.keys.some((k) => k.keyId === key.keyId && k.projectId === key.projectId)) {
      this.snapshot.keys.push(key);
    }
    if (!this.hasProject(key.projectId)) {
      this.snapshot.projects[key.projectId] = this.initialProject(key.projectId);
      this.recordDefaults(key.projectId, "init");
    }
  }

  /** Writes the data file, if there is one (atomically: a crash leaves the old or the new state; see data-file.ts). */
  save(): void {
    this.file?.save(this.snapshot);
  }
}
