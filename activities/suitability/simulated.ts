import type { SuitabilityChecker } from './checker.js';

/**
 * The built-in registry for demos and tests: it finds a record for ID numbers whose sequence
 * code (digits 15–16) is 99, and passes everyone else. `down()` makes it fail every call until
 * `up()`, to show a registry outage.
 */
export function createSimulatedRegistry(): SuitabilityChecker & { down(): void; up(): void } {
  let available = true;
  return {
    async check({ idNumber }) {
      if (!available) throw new Error('suitability registry unavailable (simulated outage)');
      return idNumber.slice(14, 16) === '99' ? 'failed' : 'passed';
    },
    down: () => void (available = false),
    up: () => void (available = true),
  };
}
