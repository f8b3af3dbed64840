import type { TranslateFunction } from 'react-admin';

/** A stage's name for its kind: a run has phases, the cases stages; the raw name if unknown. */
export const stageLabel = (translate: TranslateFunction, kind: string, stage: string): string =>
  translate(kind === 'disbursement' ? `shequ.disbursement.phase.${stage}` : `shequ.stage.${stage}`, { _: stage });
