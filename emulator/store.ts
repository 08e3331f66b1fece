import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { EmulatorError } from "./errors";
import { applyFields, newService, type StoredService } from "./service-rules";
import { ulid } from "./ulid";

/** How the emulator enforces `defaultForProject` (see the reference's assumption). */
export type DefaultPolicy = "strict" | "lenient";

/** A phone number attached to a service (attached through Sinch's Numbers API, so only seeded here). */
export interface StoredNumber {
  phoneNumber: string;
  permissions: "both" | "send" | "receive";
  country: string;
  suspended: boolean;
  note?: string | undefined;
  projectId: string;
  serviceId: string;
}

/** An access key and the project it is for. */
export interface ProjectKey {
  projectId: string;
  keyId: string;
  keySecret: string;
}

/** One entry of the default history: the project's default services after a change. */
export interface DefaultHistoryEntry {
  seq: number;
  time: string;
  projectId: string;
  /** What changed it: the request, e.g. `PATCH /v3/projects/p/services/01H…`, or `init`. */
  cause: string;
  defaultServiceIds: string[];
}

interface ProjectState {
  services: StoredService[];
  numbers: StoredNumber[];
}

interface Snapshot {
  keys: ProjectKey[];
  projects: Record<string, ProjectState>;
  defaultHistory: DefaultHistoryEntry[];
}

/** A rule of the default policy was broken; the API answers 422. */
export class PolicyViolation extends EmulatorError {}

/** A key id that already exists with another secret: a key id is one key. */
export class KeyConflict extends EmulatorError {}

/**
 * All state of the emulated API: projects, their services and numbers, the
 * access keys, and the default history. Optionally persisted to a JSON file
 * after every change, so a demo survives restarts.
 */
export class Store {
  private snapshot: Snapshot;

  constructor(
    private readonly initialKeys: ProjectKey[],
    public policy: DefaultPolicy,
    private readonly dataFile?: string,
  ) {
    this.snapshot = dataFile && existsSync(dataFile) ? this.load(dataFile) : this.fresh();
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

  /** Deletes a service; under the strict policy the default cannot be deleted. */
  deleteService(projectId: string, service: StoredService, cause: string): void {
    if (service.defaultForProject && this.policy === "strict") {
      throw new PolicyViolation(
        `Service ${service.id} is the project's default service and cannot be deleted. Promote another service to default first.`,
      );
    }
    const project = this.project(projectId);
    project.services = project.services.filter((s) => s.id !== service.id);
    project.numbers = project.numbers.filter((n) => n.serviceId !== service.id);
    this.changed(projectId, cause, service.defaultForProject);
  }

  listNumbers(projectId: string, serviceId: string): StoredNumber[] {
    return this.project(projectId).numbers.filter((n) => n.serviceId === serviceId);
  }

  /** Attaches a number to a service (what Sinch's Numbers API would do). */
  attachNumber(number: StoredNumber): void {
    const project = this.project(number.projectId);
    project.numbers = project.numbers.filter((n) => n.phoneNumber !== number.phoneNumber);
    project.numbers.push(number);
    this.save();
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
    return { services: [newService(ulid(), projectId, now, { defaultForProject: true })], numbers: [] };
  }

  private fresh(): Snapshot {
    this.snapshot = { keys: [], projects: byId({}), defaultHistory: [] };
    for (const key of this.initialKeys) this.ensureProject(key);
    return this.snapshot;
  }

  private load(file: string): Snapshot {
    const loaded = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
    this.snapshot = { ...loaded, projects: byId(loaded.projects) };
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

  private save(): void {
    if (!this.dataFile) return;
    const tmp = `${this.dataFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.snapshot, null, 2));
    renameSync(tmp, this.dataFile);
  }
}

/**
 * Projects by id in an object without a prototype, so that an id such as
 * `__proto__` or `constructor` is an ordinary key (it is also saved as JSON).
 */
function byId(projects: Record<string, ProjectState>): Record<string, ProjectState> {
  return Object.assign(Object.create(null) as Record<string, ProjectState>, projects);
}
