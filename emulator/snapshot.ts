import type { StoredService } from "./service-rules";

/** Who may use an email/number combination or a service number: `both` (the default), `send` or `receive`. */
export type Permission = "both" | "send" | "receive";

/** A phone number of a fax service, as the Fax API shows it (`ServicePhoneNumber`). */
export interface StoredNumber {
  phoneNumber: string;
  permissions: Permission;
  country: string;
  suspended: boolean;
  note?: string | undefined;
  projectId: string;
  serviceId: string;
}

/** A cover page of a service, its PDF included (base64, as sent). */
export interface StoredCoverPage {
  id: string;
  name: string;
  file: { fileContent: string; fileType: "PDF" };
  projectId: string;
  serviceId: string;
  createdTime: string;
  updatedTime: string;
}

/** A fax-to-email address of a service and the numbers it may use. */
export interface StoredEmail {
  email: string;
  phoneNumbers: { number: string; permissions: Permission }[];
  projectId: string;
  serviceId: string;
  createdAt: string;
  updatedAt: string;
}

/** A voice application type of the Numbers API. */
export type VoiceType = "RTC" | "EST" | "FAX";

/** Where a number's calls go: an RTC app, an EST trunk or a FAX service; `id` is its appId, trunkId or serviceId. */
export interface VoiceRoute {
  type: VoiceType;
  id: string;
}

/** A voice provisioning under way (`WAITING`, until `dueAt`) or `FAILED`. */
export interface ScheduledRoute extends VoiceRoute {
  status: "WAITING" | "FAILED";
  lastUpdatedTime: string;
  /** Epoch milliseconds when a waiting provisioning completes. */
  dueAt?: number | undefined;
  /** Identifies this provisioning, so a timer set for an older one does nothing. */
  ticket: string;
}

/** A number of the Numbers API's active numbers, and its state as a fax service number. */
export interface StoredActiveNumber {
  phoneNumber: string;
  projectId: string;
  displayName: string;
  regionCode: string;
  type: "MOBILE" | "LOCAL" | "TOLL_FREE";
  capability: ("SMS" | "VOICE")[];
  money: { currencyCode: string; amount: string };
  paymentIntervalMonths: number;
  nextChargeDate: string;
  expireAt: string;
  smsConfiguration: { servicePlanId: string; campaignId: string };
  callbackUrl: string;
  /** The route in effect; `lastUpdatedTime` once a provisioning has completed. */
  voice: VoiceRoute & { lastUpdatedTime?: string | undefined };
  scheduled?: ScheduledRoute | undefined;
  /** The number as a service number of the FAX service it is routed to (reset when it leaves one). */
  fax: { permissions: Permission; suspended: boolean; note?: string | undefined };
}

/** Everything of one project. */
export interface ProjectState {
  services: StoredService[];
  coverPages: StoredCoverPage[];
  emails: StoredEmail[];
  activeNumbers: StoredActiveNumber[];
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

/** The whole state, as kept in memory and in the data file. */
export interface Snapshot {
  keys: ProjectKey[];
  projects: Record<string, ProjectState>;
  defaultHistory: DefaultHistoryEntry[];
}

/** A project with nothing in it but its services. */
export function emptyProject(services: StoredService[]): ProjectState {
  return { services, coverPages: [], emails: [], activeNumbers: [] };
}

/**
 * A snapshot read from a data file, brought up to date: projects of older
 * files lack cover pages, emails and active numbers, and kept their service
 * numbers in `numbers` (each becomes an active number routed to its service).
 */
export function upgrade(loaded: Snapshot, now: string): Snapshot {
  const projects = byId({});
  for (const [id, old] of Object.entries(loaded.projects) as [string, Partial<ProjectState> & { numbers?: StoredNumber[] }][]) {
    const project = emptyProject(old.services ?? []);
    project.coverPages = old.coverPages ?? [];
    project.emails = old.emails ?? [];
    project.activeNumbers = old.activeNumbers ?? (old.numbers ?? []).map((n) => routedNumber(n, now));
    projects[id] = project;
  }
  return { ...loaded, projects };
}

/** A new active number with the fields the Numbers API shows and no route (`RTC` with an empty `appId`). */
export function newActiveNumber(
  fields: Pick<StoredActiveNumber, "phoneNumber" | "projectId" | "regionCode" | "type" | "capability" | "displayName">,
  now: string,
): StoredActiveNumber {
  const month = (n: number) => {
    const d = new Date(now);
    d.setUTCMonth(d.getUTCMonth() + n);
    return d.toISOString();
  };
  return {
    ...fields,
    money: { currencyCode: "USD", amount: "2.00" },
    paymentIntervalMonths: 1,
    nextChargeDate: month(1),
    expireAt: month(2),
    smsConfiguration: { servicePlanId: "", campaignId: "" },
    callbackUrl: "",
    voice: { type: "RTC", id: "" },
    fax: { permissions: "both", suspended: false },
  };
}

/** An active number already routed to the service of a service number (what `attachNumber` seeds). */
export function routedNumber(number: StoredNumber, now: string): StoredActiveNumber {
  const active = newActiveNumber(
    {
      phoneNumber: number.phoneNumber,
      projectId: number.projectId,
      regionCode: number.country,
      type: "LOCAL",
      capability: ["VOICE"],
      displayName: "",
    },
    now,
  );
  active.voice = { type: "FAX", id: number.serviceId, lastUpdatedTime: now };
  active.fax = { permissions: number.permissions, suspended: number.suspended };
  if (number.note !== undefined) active.fax.note = number.note;
  return active;
}

/**
 * Projects by id in an object without a prototype, so that an id such as
 * `__proto__` or `constructor` is an ordinary key (it is also saved as JSON).
 */
export function byId(projects: Record<string, ProjectState>): Record<string, ProjectState> {
  return Object.assign(Object.create(null) as Record<string, ProjectState>, projects);
}
