/** `npm start`: the platform locally, with demo data. Ctrl-C stops everything it started. */
import { JavaMissingError } from './dynamodb-local.js';
import { settingsFromEnv, startRuntime } from './runtime.js';
import { ensureWebBuild } from './web-build.js';

const settings = settingsFromEnv();
try {
  await ensureWebBuild();
  const runtime = await startRuntime(settings);
  console.log(`
civic-feedback is running on ${runtime.url}

  Citizen app: ${runtime.url}/
  Console:     ${runtime.url}/console/

  curl ${runtime.url}/health
  curl ${runtime.url}/v1/categories
  # a token for a demo citizen:
  curl -s -X POST ${runtime.url}/dev/token -H 'content-type: application/json' \\
       -d '{"sub":"demo-citizen","groups":["citizen"],"name":"Nguyễn Văn An"}'

OpenAPI: ${runtime.url}/openapi.json · Ctrl-C to stop.`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => void stop('SIGHUP'));
} catch (error) {
  if (error instanceof JavaMissingError) console.error(`\n${error.message}\n`);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`\nPort ${settings.port} is in use: set PORT to another port.\n`);
  else console.error(error);
  process.exit(1);
}
