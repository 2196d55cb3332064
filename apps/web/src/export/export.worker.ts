/// <reference lib="webworker" />
import '../zod-jitless';
import { serveRpc } from '../code/worker-rpc';
import { handleExportRequest } from './export-job';

/** The export worker: every exporter runs here, off the main thread. */
serveRpc(handleExportRequest);
