import { ListingCache } from "../../provider/client/listing";
import type { Service } from "../../provider/client/schemas";

// How many listings the reads of one operation take: one per project and write generation.

const service = (id: string): Service => ({ id, name: id, defaultForProject: false });

/** A listing source that counts its calls and answers with the services given to it now. */
function source(...ids: string[]) {
  const s = {
    calls: 0,
    ids,
    list: async () => {
      s.calls++;
      return s.ids.map(service);
    },
  };
  return s;
}

describe("the shared listing of services", () => {
  test("is taken once per project and generation, and by id", async () => {
    const cache = new ListingCache();
    const a = source("S1", "S2");
    expect((await cache.get("p", 0, a.list)).get("S2")).toEqual(service("S2"));
    expect([...(await cache.get("p", 0, a.list)).keys()]).toEqual(["S1", "S2"]);
    expect(a.calls).toBe(1);
    const b = source("T1");
    expect([...(await cache.get("q", 0, b.list)).keys()]).toEqual(["T1"]);
    expect(b.calls).toBe(1);
  });

  test("a write (a new generation) makes the next read list again", async () => {
    const cache = new ListingCache();
    const a = source("S1");
    await cache.get("p", 0, a.list);
    a.ids = ["S1", "S2"];
    expect([...(await cache.get("p", 2, a.list)).keys()]).toEqual(["S1", "S2"]);
    expect(a.calls).toBe(2);
  });

  test("a failed listing is dropped, and does not drop the one that replaced it", async () => {
    const cache = new ListingCache();
    let fail = true;
    const list = async () => {
      if (fail) throw new Error("HTTP 503");
      return [service("S1")];
    };
    await expect(cache.get("p", 0, list)).rejects.toThrow("HTTP 503");
    fail = false;
    expect((await cache.get("p", 0, list)).has("S1")).toBe(true);

    // A slow failure of an older generation ends after a newer listing was taken.
    let rejectOld: (e: Error) => void = () => {};
    const old = cache.get("p", 1, () => new Promise((_, reject) => (rejectOld = reject)));
    const a = source("S9");
    await cache.get("p", 2, a.list);
    rejectOld(new Error("late"));
    await expect(old).rejects.toThrow("late");
    await cache.get("p", 2, a.list);
    expect(a.calls).toBe(1);
  });
});
