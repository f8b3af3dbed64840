import { educationLevels } from '../../../domain/referral-stages';

export { educationLevels };
export const educationChoices = educationLevels.map((id) => ({ id, name: `shequ.education.${id}` }));
