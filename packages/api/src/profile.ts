/**
 * The profile the process runs in, chosen on the command line so that it works in every shell
 * (`NODE_ENV=production node …` does not in Windows' cmd): `pnpm start` runs
 * `node dist/main.js --production`, `pnpm dev` runs `tsx watch src/main.ts --development`.
 * Without a flag NODE_ENV stays as the environment has it. Imported first by main.ts, before
 * anything reads NODE_ENV.
 */
export function profileFromArgs(argv: readonly string[], nodeEnv: string | undefined): string | undefined {
  if (argv.includes('--production')) return 'production';
  if (argv.includes('--development')) return 'development';
  return nodeEnv;
}

const profile = profileFromArgs(process.argv.slice(2), process.env.NODE_ENV);
if (profile) process.env.NODE_ENV = profile;
