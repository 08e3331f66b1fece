/**
 * Edit distance between two words, case-insensitive: insertions, deletions,
 * substitutions and swaps of two neighbouring letters (the usual typos) each
 * count one.
 */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const width = y.length + 1;
  // Stryker disable next-line ArrayDeclaration: every cell is written before it is read, and a hole reads as 0
  const d = new Array<number>((x.length + 1) * width).fill(0);
  const at = (i: number, j: number) => d[i * width + j] ?? 0;
  for (let i = 0; i <= x.length; i++) d[i * width] = i;
  for (let j = 0; j <= y.length; j++) d[j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: at i or j = 1, x[i - 2] or y[j - 2] is undefined and matches no letter
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * width + j] = best;
    }
  }
  return at(x.length, y.length);
}

/**
 * The known name closest to a misspelt one, if it is close enough to be what
 * was meant: at most a third of its letters differ (so `nmae` → `name`,
 * `numberOfRetrys` → `numberOfRetries`, but `colour` → nothing).
 */
export function closestName(word: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(word, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : undefined;
}
