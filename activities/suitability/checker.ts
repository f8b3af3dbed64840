// What a suitability registry must answer: may this person work with the elderly, children or
// disabled people? A real registry (the public security bureau's record check) implements the
// same call; it may be slow or down, which the workflow's retries and timeout absorb.

export interface SuitabilityChecker {
  check(person: { idNumber: string; name: string }): Promise<'passed' | 'failed'>;
}
