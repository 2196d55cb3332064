/**
 * Reading and writing design files (YAML and JSON). The YAML libraries are the largest part of the
 * domain package, and only Open, Save, Export, Code and pasting YAML need them: this module is the
 * boundary they are loaded lazily through (`import('./text-formats')`).
 */
export { parseDocument, serializeDocument } from '@stackdraft/patterns';
