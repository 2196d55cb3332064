/**
 * The rules' fixes, for the main thread: loaded on the first click of a fix button (the rules are
 * otherwise only in the analysis worker).
 */
export { applyFix } from '@stackdraft/patterns';
