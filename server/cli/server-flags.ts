/** Reads `--name value` and `--name=value` flags; bare `--name` gives "true". */
export function parseFlags(args: readonly string[]): { flags: Map<string, string>; positional: string[] } {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else if (i + 1 < args.length && !args[i + 1]!.startsWith('--')) {
      flags.set(arg.slice(2), args[++i]!);
    } else {
      flags.set(arg.slice(2), 'true');
    }
  }
  return { flags, positional };
}

/** A port number from text: 0–65535, or an Error naming the flag. */
export function parsePort(value: string, flag = '--port'): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${flag}: "${value}" er ikke et portnummer (0–65535)`);
  return port;
}
