export { importTerraform } from './import';
export { describeParseError, type HclParser } from './parse';
export type {
  ImportOptions,
  ImportReport,
  ImportResult,
  ImportWarning,
  MappedResource,
  SourceLocation,
  TerraformFile,
  UnmappedResource,
} from './types';
export { TerraformImportError } from './types';
