import { runSoak } from "../../testkit/soak";

jest.setTimeout(900_000);

// A short version of `npm run soak`: the same faults and checks, fewer services and steps.
test("engine: a short fault soak keeps the declared services, cover pages and routes exact, previews clean and one default throughout", async () => {
  const lines: string[] = [];
  const report = await runSoak({
    services: 6,
    numbers: 4,
    rounds: 2,
    handoffs: 2,
    seed: 7,
    deadlineMs: 600_000,
    log: (l) => lines.push(l),
  });
  expect(report.steps.map((s) => s.step)).toEqual([
    "up (create)",
    "round 1: random changes",
    "round 2: random changes",
    "handoff 1: default to svc-001",
    "handoff 2: default to svc-000",
    "refresh",
    "destroy",
  ]);
  expect(report.steps.flatMap((s) => s.problems)).toEqual([]);
  // The new resources were under the same faults.
  expect(report.operations).toEqual(expect.arrayContaining(["cover-create", "numbers-update", "email-create"]));
  // Faults really were injected, of every kind the soak asks for.
  expect(report.faults.status429 + report.faults.status503).toBeGreaterThan(0);
  expect(report.faults.drop + report.faults.lost).toBeGreaterThan(0);
  expect(report.passed).toBe(true);
});
