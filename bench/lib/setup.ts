import { serviceSpecs } from "./services";

/** The whole-setup benchmark's inputs: each service with two cover pages (one stamped) and two routed numbers. */
export interface SetupSpecs {
  services: Record<string, Record<string, unknown>>;
  routes: Record<string, { phoneNumber: string; service: string }>;
}

/** Resources per service: the service (its pages are part of it) and two number routes. */
export const RESOURCES_PER_SERVICE = 3;

/** N services (the PDFs are the test program's `covers/`), 2N routes, 3N resources in all. */
export function setupSpecs(count: number): SetupSpecs {
  const services = serviceSpecs(count);
  const routes: SetupSpecs["routes"] = {};
  Object.keys(services).forEach((name, i) => {
    Object.assign(services[name]!, {
      coverPages: [
        { name: "A", file: "covers/a.pdf" },
        { name: "B", file: "covers/b.pdf" },
      ],
      coverPage: "A",
    });
    for (const k of [0, 1]) routes[`${name}-n${k}`] = { phoneNumber: `+1555${String(i * 2 + k).padStart(7, "0")}`, service: name };
  });
  return { services, routes };
}
