// A workflow reading a file: not deterministic, and not possible in Temporal's sandbox.
import { readFileSync } from 'node:fs';

export const settings = (): string => readFileSync('settings.json', 'utf8');
