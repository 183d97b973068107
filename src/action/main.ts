/** The GitHub Action's entry point: action.yml runs its bundle, action/index.js (see action.ts). */
import { githubData } from '../cli/validateCommand';
import { runAction } from './action';

runAction().then(
  (code) => void (process.exitCode = code),
  (error: unknown) => {
    process.stdout.write(`::error::${githubData(`canvas-as-code action: ${(error as Error)?.stack ?? String(error)}`)}\n`);
    process.exitCode = 1;
  },
);
