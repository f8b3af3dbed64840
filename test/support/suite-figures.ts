import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

// Test files that count what they tried (routes × roles, bad inputs) add a line here; the run
// prints them together at the end, where they are not lost among the files' own output.
const FIGURES = 'test-results/figures.jsonl';

export function recordFigure(name: string, line: string): void {
  mkdirSync('test-results', { recursive: true });
  appendFileSync(FIGURES, `${JSON.stringify({ name, line })}\n`);
}

export function clearFigures(): void {
  rmSync(FIGURES, { force: true });
}

export function figuresText(): string | undefined {
  if (!existsSync(FIGURES)) return undefined;
  const rows = readFileSync(FIGURES, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { name: string; line: string });
  return rows.length ? rows.map((r) => `${r.name}: ${r.line}`).join('\n') : undefined;
}
