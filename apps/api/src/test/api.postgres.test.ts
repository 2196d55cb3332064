import { apiSuite } from './api-suite';

// Runs against DATABASE_URL when set (CI), otherwise against a throwaway PostgreSQL started from
// Debian's binaries; fails (never skips) when neither is available.
apiSuite('postgres');
