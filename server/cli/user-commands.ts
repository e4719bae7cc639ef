import { AgendaStore } from '../agendas/agenda-store';
import { UserStore } from '../auth/user-store';
import { openDatabase, type SqliteDatabase } from '../storage/sqlite-database';
import { dataDirFrom } from './server-config';
import { parseFlags } from './server-flags';

/** Writes the command's output; tests pass their own. */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: CommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

interface Stores {
  users: UserStore;
  agendas: AgendaStore;
}

type Command = (flags: Map<string, string>, stores: Stores, output: CommandOutput) => number;

/**
 * The administration commands of `npm run server -- <command>`. They open the server's
 * database file directly (safe while the server runs: SQLite in WAL mode), and a running
 * server picks up their changes: revoked users are disconnected within seconds.
 */
export const USER_COMMANDS: Record<string, { usage: string; run: Command }> = {
  'add-user': {
    usage: 'add-user --data DIR --name NAVN --initials XX [--read-only]',
    run(flags, { users }, output) {
      const { user, token } = users.add({ name: flags.get('name') ?? '', initials: flags.get('initials') ?? '', readOnly: flags.get('read-only') === 'true' });
      output.out(`Bruger tilføjet: ${user.name} (${user.initials}), ${user.readOnly ? 'kun læseadgang' : 'kan redigere'}.\n`);
      output.out('Adgangsnøgle (vises kun denne ene gang; giv den til brugeren):\n');
      output.out(`${token}\n`);
      return 0;
    },
  },
  'list-users': {
    usage: 'list-users --data DIR',
    run(_flags, { users }, output) {
      const list = users.list();
      if (list.length === 0) {
        output.out('Ingen brugere. Tilføj en med add-user.\n');
        return 0;
      }
      for (const user of list) {
        const access = user.readOnly ? 'læse' : 'redigere';
        const status = user.revokedAt ? `trukket tilbage ${user.revokedAt}` : 'aktiv';
        output.out(`${user.initials.padEnd(5)} ${user.name.padEnd(30)} ${access.padEnd(9)} oprettet ${user.createdAt}  ${status}\n`);
      }
      return 0;
    },
  },
  'revoke-user': {
    usage: 'revoke-user --data DIR --initials XX',
    run(flags, { users }, output) {
      const initials = flags.get('initials') ?? '';
      if (!initials) throw new Error('--initials mangler');
      if (!users.revoke(initials)) {
        output.err(`Ingen aktiv bruger med initialerne "${initials}".\n`);
        return 1;
      }
      output.out(`Adgangen for "${initials.toLowerCase()}" er trukket tilbage; åbne forbindelser lukkes inden for få sekunder.\n`);
      return 0;
    },
  },
  'restore-agenda': {
    usage: 'restore-agenda --data DIR --id DAGSORDEN-ID',
    run(flags, { agendas }, output) {
      const id = flags.get('id') ?? '';
      if (!agendas.restore(id)) {
        output.err(`Ingen slettet dagsorden med id "${id}" (slettede dagsordener gemmes i 30 dage).\n`);
        return 1;
      }
      output.out(`Dagsordenen "${id}" er gendannet.\n`);
      return 0;
    },
  },
};

/** Runs an administration command; returns the exit code. */
export function runUserCommand(name: string, args: string[], output: CommandOutput = processOutput): number {
  const command = USER_COMMANDS[name];
  if (!command) throw new Error(`ukendt kommando "${name}"`);
  const { flags } = parseFlags(args);
  let db: SqliteDatabase | undefined;
  try {
    db = openDatabase(dataDirFrom(flags));
    return command.run(flags, { users: new UserStore(db), agendas: new AgendaStore(db) }, output);
  } catch (error) {
    output.err(`${name}: ${(error as Error).message}\nBrug: npm run server -- ${command.usage}\n`);
    return 1;
  } finally {
    db?.close();
  }
}
