/**
 * The `dagsorden` command line. Each command is its own module exporting
 * `run(args): Promise<number>` (the exit code); this file only dispatches.
 */
type Command = { summary: string; load: () => Promise<{ run(args: string[]): Promise<number> }> };

const COMMANDS: Record<string, Command> = {
  // Commands register here, e.g.:
  // import: { summary: 'import <fil> -o <dagsorden.json>   …', load: () => import('./import-command') },
  import: { summary: 'import <fil.txt|fil.pdf> -o <dagsorden.json> [--committee <udvalg>] [--date ÅÅÅÅ-MM-DD] [--time <tid>] [--place <sted>] [--kind dagsorden|referat]', load: () => import('./import-command') },
  export: { summary: 'export <dagsorden.json> -o <ud.pdf> [--public] [--pdf-ua] [--created <tid>]', load: () => import('./export-command') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  dagsorden ${command.summary || name}`);
  return ['Brug:', ...lines].join('\n');
}

/** Runs the command line; resolves to the process exit code. */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`dagsorden: ukendt kommando "${name}"\n${usage()}\n`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (error) {
    process.stderr.write(`dagsorden ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}
