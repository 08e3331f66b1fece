import { closestName, editDistance } from "../../provider/fields/suggest";

describe("suggestions for a misspelt input", () => {
  test.each([
    ["name", "name", 0],
    ["nmae", "name", 1],
    ["ab", "ba", 1],
    ["name", "names", 1],
    ["", "abc", 3],
    ["Resolution", "resolution", 0],
    ["kitten", "sitting", 3],
    ["ab", "ca", 2],
    ["ba", "acb", 3],
    ["ba", "aab", 2],
    ["abc", "x", 3],
  ])("editDistance(%j, %j) = %d", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  test("the closest name when close enough, else none", () => {
    const known = ["name", "numberOfRetries", "retryDelaySeconds", "resolution"];
    expect(closestName("nme", known)).toBe("name");
    expect(closestName("numberOfRetry", known)).toBe("numberOfRetries");
    expect(closestName("retryDelay", known)).toBeUndefined();
    expect(closestName("colour", known)).toBeUndefined();
    expect(closestName("x", known)).toBeUndefined();
    // A tie goes to the first name in the table's order.
    expect(closestName("nam", ["name", "nams"])).toBe("name");
  });
});
