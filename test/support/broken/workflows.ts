// A deliberately broken workflow, as after a bad deploy: its code throws a plain Error, which
// fails the workflow task (not the workflow), so Temporal retries the task for ever.
export async function brokenCase(): Promise<void> {
  throw new Error('deliberately broken: TypeError in the new release');
}
