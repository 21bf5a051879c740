import { readProcessStdin } from './cli/inputs';
import { runCli } from './cli/main';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: readProcessStdin,
  fleet: { stderrIsTTY: Boolean(process.stderr.isTTY) },
});
