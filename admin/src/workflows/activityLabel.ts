// The step a workflow was doing, in the reader's words; the code name stays in 技术详情.
export const activityLabel = (translate: (key: string, options?: object) => string, name: string | null | undefined) =>
  name ? translate(`shequ.activity_type.${name}`, { _: translate('shequ.activity_type.unknown') }) : '—';
