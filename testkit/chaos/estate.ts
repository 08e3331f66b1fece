/**
 * The estate the chaos test kills runs of: every resource kind, through the
 * test programs of both front doors. The project starts with what a real one
 * has before the stack: its default service (with a cover page made by hand,
 * stamped), a service of someone else's, and four numbers on routes of their
 * own. The stack adopts the default, creates five services (one with a secret
 * webhook, one with two cover pages), routes the four numbers and makes two
 * fax-to-email addresses; its update moves two numbers, switches the stamped
 * page and moves the default.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Emulator } from "../../emulator";
import { ROOT } from "../local-stack";

export const NUMBERS = ["+15553000001", "+15553000002", "+15553000003", "+15553000004"] as const;
export const WEBHOOK = "https://faxbot:chaos-s3cret@hooks.example.com/inbound";
const PAGES = { a: "covers/a.pdf", b: "covers/b.pdf" };

type Spec = Record<string, Record<string, unknown>>;
type Routes = Record<string, { phoneNumber: string; service: string }>;
type Emails = Record<string, { service: string; email: string; routes: string[] }>;

/** What the program declares: its services, routes and addresses. */
export interface Declared {
  services: Spec;
  routes: Routes;
  emails: Emails;
}

/** The first `up`: the whole estate. */
export function firstEstate(): Declared {
  return {
    services: {
      adopted: {
        adopt: "default",
        name: "K adopted",
        numberOfRetries: 5,
        defaultForProject: true,
        coverPages: [{ name: "Letterhead", file: PAGES.a }],
        coverPage: "Letterhead",
      },
      inbound: { name: "Inbound", webhookContentType: "application/json" },
      outbound: {
        name: "Outbound",
        coverPages: [
          { name: "A", file: PAGES.a },
          { name: "B", file: PAGES.b },
        ],
        coverPage: "A",
      },
      s3: { name: "Service 3", resolution: "SUPERFINE" },
      s4: { name: "Service 4", numberOfRetries: 1 },
      s5: { name: "Service 5" },
    },
    routes: {
      r1: { phoneNumber: NUMBERS[0], service: "inbound" },
      r2: { phoneNumber: NUMBERS[1], service: "outbound" },
      r3: { phoneNumber: NUMBERS[2], service: "s3" },
      r4: { phoneNumber: NUMBERS[3], service: "s4" },
    },
    emails: {
      e1: { service: "inbound", email: "in@example.com", routes: ["r1"] },
      e2: { service: "s3", email: "s3@example.com", routes: ["r3"] },
    },
  };
}

/** The update: two numbers move, the outbound service stamps its other page, the default moves to Service 3. */
export function updatedEstate(): Declared {
  const next = firstEstate();
  next.routes.r1!.service = "s5";
  next.routes.r2!.service = "inbound";
  next.services.outbound!.coverPage = "B";
  next.services.adopted!.defaultForProject = false;
  next.services.s3!.defaultForProject = true;
  next.emails.e1!.routes = ["r2"];
  return next;
}

/** The stack config of a declared estate, in either door's namespace. */
export function estateConfig(declared: Declared): Record<string, string> {
  return {
    "test:services": JSON.stringify(declared.services),
    "test:routes": JSON.stringify(declared.routes),
    "test:emails": JSON.stringify(declared.emails),
    "test:secretWebhookFor": "inbound",
  };
}

/** What the project holds before the stack: compared with what it holds after the final destroy. */
export interface Before {
  defaultId: string;
  otherId: string;
  handmadePageId: string;
  services: string;
  pages: string;
  routes: string;
}

/** Seeds the project with what it has before the stack, and returns that. */
export function seedProject(emulator: Emulator): Before {
  const { store } = emulator;
  const projectId = emulator.projectId;
  const [defaultService] = store.listServices(projectId);
  const other = store.createService(projectId, { name: "Someone else's", numberOfRetries: 2 }, "seed");
  const handmadePageId = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
  const now = new Date().toISOString();
  // Named like the page the stack declares for it, with the same PDF: the stack must never take it.
  const content = readFileSync(join(ROOT, "testkit/programs/services", PAGES.a)).toString("base64");
  store.change(projectId, (p) =>
    p.coverPages.push({
      id: handmadePageId,
      name: "Letterhead",
      file: { fileContent: content, fileType: "PDF" },
      projectId,
      serviceId: defaultService!.id,
      createdTime: now,
      updatedTime: now,
    }),
  );
  store.updateService(projectId, defaultService!, { coverPageId: handmadePageId }, "seed");
  const voices = [
    { type: "RTC" as const, appId: "app-original" },
    { type: "FAX" as const, serviceId: other.id },
    { type: "EST" as const, trunkId: "trunk-1" },
    { type: "RTC" as const, appId: "" },
  ];
  for (const [i, phoneNumber] of NUMBERS.entries()) emulator.numbers.seed({ phoneNumber, voiceConfiguration: voices[i] });
  return { defaultId: defaultService!.id, otherId: other.id, handmadePageId, ...projectView(emulator) };
}

/** The project as a comparable text: services (their fields), pages (id, service, name), each number's route. */
export function projectView(emulator: Emulator): { services: string; pages: string; routes: string } {
  const state = emulator.store.projectState(emulator.projectId);
  const services = emulator.store
    .listServices(emulator.projectId)
    .map(({ createdAt: _c, updatedAt: _u, ...fields }) => fields)
    .sort((a, b) => a.id.localeCompare(b.id));
  const pages = state.coverPages.map((p) => `${p.serviceId}/${p.id}/${p.name}`).sort();
  const routes = NUMBERS.map((n) => {
    const { lastUpdatedTime: _t, ...route } = voiceOf(emulator, n);
    return JSON.stringify(route);
  });
  return { services: JSON.stringify(services), pages: JSON.stringify(pages), routes: JSON.stringify(routes) };
}

export function voiceOf(emulator: Emulator, phoneNumber: string): Record<string, unknown> {
  return ((emulator.numbers.get(phoneNumber) as { voiceConfiguration?: Record<string, unknown> } | undefined)?.voiceConfiguration ??
    {}) as Record<string, unknown>;
}
