import { provisionTemporalCli } from './temporal-cli.js';

const cli = await provisionTemporalCli();
console.log(`${cli.path} (${cli.source})`);
