import { apiSuite } from './api-suite';

apiSuite('pglite');
