import { main } from './main';
import { nodeIo } from './node-io';

// `stackdraft validate x | head` closes the pipe early; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// exitCode rather than process.exit(): lets buffered output reach a pipe before the process ends.
process.exitCode = await main(process.argv.slice(2), nodeIo(process));
