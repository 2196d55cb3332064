/// <reference lib="webworker" />
import '../zod-jitless';
import { handleCodeRequest } from './code-text';
import { serveRpc } from './worker-rpc';

/** The code view's worker: YAML in and out of the design, off the typing path. */
serveRpc(handleCodeRequest);
