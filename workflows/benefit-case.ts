import {
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  allHandlersFinished,
} from '@temporalio/workflow';
import type { BenefitCaseActivities } from '../activities/benefit-case.js';
import { closedBenefitStages, type BenefitStage } from '../domain/benefit-stages.js';
import { ConflictError, ForbiddenError, ValidationError } from '../domain/errors.js';
import { stateQuery, withdrawUpdate, type BenefitCaseInput, type BenefitCaseState } from './benefit-case-messages.js';
import { sa } from './search-attributes.js';

// The dibao case `benefit-<applicationId>`. This first slice records the application and then
// waits at `verifying`; a caseworker or supervisor can withdraw it. Verification, the review
// levels, the public notice and enrollment follow in the benefit-case issue.

const { recordApplication, moveStage } = proxyActivities<BenefitCaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function benefitCase(input: BenefitCaseInput): Promise<BenefitCaseState> {
  const state: BenefitCaseState = { applicationId: input.applicationId, stage: 'submitted', stageSince: null };
  const enter = (stage: BenefitStage, since: string) => {
    state.stage = stage;
    state.stageSince = since;
    upsertSearchAttributes([
      { key: sa.stage, value: stage },
      { key: sa.stageSince, value: new Date(since) },
    ]);
  };

  // Set synchronously when a decision's handler starts, before its first await: a second
  // decision arriving while the first is still writing is refused by the validator.
  let deciding = false;

  setHandler(stateQuery, () => state);
  setHandler(
    withdrawUpdate,
    async ({ actor, reason }) => {
      deciding = true;
      const moved = await moveStage({ applicationId: input.applicationId, from: [state.stage], to: 'withdrawn', actor, action: 'application.withdraw', comment: reason });
      enter('withdrawn', moved.stageSince);
      return state;
    },
    {
      validator: ({ actor, reason }) => {
        if (actor.role !== 'caseworker' && actor.role !== 'supervisor') throw new ForbiddenError('只有社区专干或督导可以撤回申请 (only a caseworker or supervisor may withdraw)');
        if (deciding) throw new ConflictError('另一决定正在处理中 (another decision is being recorded)');
        if (closedBenefitStages.includes(state.stage)) throw new ConflictError(`申请已结束（${state.stage}）(case already closed)`);
        if (!reason?.trim()) throw new ValidationError('请填写撤回原因 (reason required)', { reason: '请填写撤回原因 (reason required)' });
      },
    },
  );

  const recorded = await recordApplication({ applicationId: input.applicationId });
  if (state.stage === 'submitted') enter('verifying', recorded.stageSince);

  await condition(() => closedBenefitStages.includes(state.stage));
  await condition(allHandlersFinished);
  return state;
}
