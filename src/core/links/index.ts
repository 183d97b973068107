/** Canvases linked across files: a value-proposition canvas and the business model it names. */
export { LINK_MESSAGES } from './messages';
export type { LinkMessageId } from './messages';
export { dirnameOf, isInside, resolveLinkPath } from './path';
export type { LinkPath } from './path';
export { judgeTarget, LinkTargets } from './target';
export type { JudgedTarget, LinkRead, LinkReader } from './target';
export { checkLinks } from './check';
export type { LinkCheck, LinkCheckContext } from './check';
export { LINK_KEYS, LINKED_BLOCKS, linksOf } from './model';
export type { IdLinkField, LinkField, LinkFields, LinkedModel } from './model';
export { canvasesBySegment, linksTo, readLink, sitesNaming } from './reverse';
export type { LinkSite, VpcLink } from './reverse';
export { linkAt, linkedCard } from './navigation';
export type { LinkAt } from './navigation';
export { linkedTargetAt, renameAcrossFiles } from './rename';
export type { FileEdits, LinkedBusinessModel } from './rename';
export { linkFixes } from './fixes';
