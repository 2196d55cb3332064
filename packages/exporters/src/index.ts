/**
 * @stackdraft/exporters: pure functions from a document to files. The exporters arrive with
 * issue 6; this entry exists so that the dependency direction (patterns <- exporters <- apps) is
 * in place from the start.
 */
export {};
