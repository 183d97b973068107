/**
 * The CLI's version, from package.json: esbuild inlines the one field read (the bundle carries no
 * package.json), so `canvas-as-code --version` works from the installed package.
 */
import { version } from '../../package.json';

export const VERSION: string = version;
/** Where the CLI is described, for SARIF's informationUri: its npm page. */
export const HOMEPAGE = 'https://www.npmjs.com/package/canvas-as-code';
