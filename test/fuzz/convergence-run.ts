import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import type { Node as PMNode } from '@tiptap/pm/model';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { writeNewAgenda, bodyFragment } from '../../shared/agenda/ydoc-agenda';
import { everyNodeAgenda } from '../support/every-node-agenda';
import { FuzzClient } from './fuzz-client';
import { randomStep } from './fuzz-steps';
import { tokenCounts } from './fuzz-tokens';
import { TestNetwork, type Topology } from './test-network';
import { describeAnomaly, TokenLedger } from './token-ledger';
import { delimiterIndex, explainMissing, explainRepeated, type Forwarding, type TokenFate } from './token-fate';
import { YOpLog } from './y-op-log';
import { explainResurrected } from './token-resurrection';
import { OrphanRescuer } from '../../shared/rescue/orphan-rescuer';
import { deletedKeyOf, forwardingMap, readForwardingEntry } from '../../shared/rescue/forwarding';
import { agendaRescuerOptions } from '../../shared/rescue/agenda-rescuer-options';

/** The shape of one fuzz run. */
export interface FuzzOptions {
  clients: number;
  stepsPerClient: number;
  /**
   * `star`: clients talk to the sync server only, over connections that deliver in order (the
   * product); `mesh`: every peer to every other, links out of order (harsher). See test-network.ts.
   */
  topology: 'star' | 'mesh';
  /** Called with the final documents before they are destroyed (for investigating a seed). */
  inspect?: (docs: { clients: Y.Doc[]; server: Y.Doc; result: FuzzResult; opLog: YOpLog }) => void;
}

/** The numbers: 5 clients, 300 random steps each; the product's topology unless FUZZ_TOPOLOGY=mesh. */
export const FUZZ_OPTIONS: FuzzOptions = { clients: 5, stepsPerClient: 300, topology: process.env.FUZZ_TOPOLOGY === 'mesh' ? 'mesh' : 'star' };

/**
 * Known faults of the dependencies (Yjs has no move; y-tiptap maps structure changes to
 * delete + insert). They are reported, not failed on, unless FUZZ_STRICT=1; see
 * token-fate.ts and the report in the commit.
 */
export type KnownLimitation = Exclude<TokenFate, 'deleted' | 'unexplained'>;

/** The outcome of one seed. */
export interface FuzzResult {
  /** Failures: divergence, invalid documents, tokens lost or doubled for no known reason. */
  problems: string[];
  /** Known dependency faults seen in this seed. */
  limitations: Array<{ kind: KnownLimitation; detail: string }>;
  /** Every step and network event, for replaying by hand. */
  log: string[];
  tokens: number;
}

/**
 * One seeded run: every client starts from the same agenda, then steps are taken by random
 * clients while messages are delivered late, shuffled and in bursts, and clients go offline
 * and come back. Finally everyone reconnects and everything is delivered, and the clients
 * are compared.
 */
export function runConvergenceFuzz(seed: number, options: FuzzOptions = FUZZ_OPTIONS): FuzzResult {
  const gen = prng.create(seed);
  const origin = new Y.Doc();
  origin.clientID = 1;
  writeNewAgenda(origin, everyNodeAgenda());
  const initialState = Y.encodeStateAsUpdate(origin);
  const clients = Array.from({ length: options.clients }, (_, index) => new FuzzClient(index, 100 + index, initialState));
  // The sync server: a peer that is always online, keeps no editor and rescues text typed
  // concurrently into moved or joined blocks (shared/rescue), as server/sync does.
  const server = new Y.Doc({ gc: true });
  server.clientID = 99;
  Y.applyUpdate(server, initialState);
  const rescuer = new OrphanRescuer(server, agendaRescuerOptions());
  const serverIndex = clients.length;
  const topology: Topology = options.topology === 'star' ? { kind: 'star', hub: serverIndex } : { kind: 'mesh', outOfOrderShare: 0.25 };
  const network = new TestNetwork([...clients.map((client) => client.ydoc), server], gen, topology, {
    incoming: (to, update, sender) => {
      if (to === serverIndex) rescuer.noteIncoming(update, new Set([sender]));
    },
    delivered: (to) => {
      if (to === serverIndex) opLog.during('forward', 'the server forwarding text and deletions into copies', () => rescuer.rescue());
    },
  });
  const opLog = new YOpLog();
  for (const client of clients) opLog.watch(client.ydoc, network);
  opLog.watch(server, network);
  const ledger = new TokenLedger();
  const log: string[] = [];
  const limitations: FuzzResult['limitations'] = [];

  const deliver = (what: () => unknown): void => {
    opLog.during('receive', 'the binding while receiving', what);
  };

  try {
    network.connect(serverIndex);
    clients.forEach((_, index) => network.connect(index));
    deliver(() => network.deliverAll());
    const stepsTaken = clients.map(() => 0);
    for (;;) {
      const busy = clients.filter((client) => stepsTaken[client.index]! < options.stepsPerClient);
      if (busy.length === 0) break;
      const client = prng.oneOf(gen, busy);
      stepsTaken[client.index]! += 1;
      const step = stepsTaken[client.index]!;
      log.push(randomStep({ gen, ledger, client, step, log: opLog }));

      const roll = prng.real53(gen);
      if (roll < 0.08) {
        const partial = prng.bool(gen);
        deliver(() => network.deliverToRandomPeer(partial));
        log.push('deliver to a peer');
      } else if (roll < 0.1) {
        const index = prng.int32(gen, 0, clients.length - 1);
        if (network.isOnline(index)) network.disconnect(index);
        else network.connect(index);
        log.push(`client ${index} ${network.isOnline(index) ? 'online' : 'offline'}`);
      } else if (roll < 0.104) {
        deliver(() => network.deliverAll());
        log.push('deliver all');
      }
    }
    clients.forEach((_, index) => network.connect(index));
    for (let round = 0; round < 20 && network.pending() > 0; round++) deliver(() => network.deliverAll());
    const problems = compare(clients);
    if (problems.length === 0) problems.push(...checkTokens(clients, ledger, opLog, limitations));
    const result = { problems, limitations, log, tokens: ledger.tokens.size };
    options.inspect?.({ clients: clients.map((client) => client.ydoc), server, result, opLog });
    return result;
  } catch (error) {
    return { problems: [`threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`], limitations, log, tokens: ledger.tokens.size };
  } finally {
    for (const client of clients) client.destroy();
    rescuer.destroy();
    server.destroy();
    origin.destroy();
  }
}

/** Convergence and validity: every editor equals its Y.Doc, all are equal, all fit the schema. */
function compare(clients: FuzzClient[]): string[] {
  const problems: string[] = [];
  const [first, ...rest] = clients as [FuzzClient, ...FuzzClient[]];
  const firstJSON = JSON.stringify(first.state.doc.toJSON());
  const firstSnapshot = Y.snapshot(first.ydoc);
  for (const client of clients) {
    try {
      client.state.doc.check();
    } catch (error) {
      problems.push(`client ${client.index}: document does not fit the schema: ${(error as Error).message}`);
    }
    try {
      const read = fromY(client);
      read.check();
      if (!read.eq(client.state.doc)) problems.push(`client ${client.index}: editor document differs from its Y.Doc: ${firstDifference(client.state.doc, read)}`);
    } catch (error) {
      problems.push(`client ${client.index}: its Y.Doc does not fit the schema: ${(error as Error).message}`);
    }
  }
  for (const client of rest) {
    if (!Y.equalSnapshots(firstSnapshot, Y.snapshot(client.ydoc))) problems.push(`client ${client.index}: Y.Doc state differs from client 0`);
    if (JSON.stringify(client.state.doc.toJSON()) !== firstJSON) problems.push(`client ${client.index}: editor document differs from client 0: ${firstDifference(client.state.doc, first.state.doc)}`);
  }
  return problems;
}

/** Tokens: every one typed and not deleted present once, none twice, none from nowhere, none deleted on purpose back. */
function checkTokens(clients: FuzzClient[], ledger: TokenLedger, opLog: YOpLog, limitations: FuzzResult['limitations']): string[] {
  const problems: string[] = [];
  const client = clients[0]!;
  const counts = tokenCounts(client.state.doc);
  for (const name of ledger.strangers(counts)) problems.push(`${name} is in the document but was never typed`);
  // The documents are identical but for deleted content: the server collects it, and a client
  // that got an item from the server holds it without content. Every typed or copied
  // character has its content in the document of the client that made it.
  let index: Map<string, Y.Item[]> | undefined;
  let forwarding: Forwarding | undefined;
  for (const anomaly of ledger.anomalies(counts)) {
    const token = { client: anomaly.record.client, serial: anomaly.record.serial };
    const { fate, why } =
      anomaly.count === 0
        ? explainMissing((index ??= delimiterIndex(clients.map((c) => c.ydoc))), opLog, token, (forwarding ??= forwardingOf(client.ydoc)))
        : explainRepeated(bodyFragment(client.ydoc), opLog, token);
    if (fate === 'deleted') continue;
    const detail = `${describeAnomaly(anomaly)}: ${why}`;
    if (fate === 'unexplained') problems.push(detail);
    else limitations.push({ kind: fate, detail });
  }
  for (const [name, record] of ledger.tokens) {
    if (counts.get(name) !== 1) continue;
    const why = explainResurrected(client.ydoc, opLog, record);
    if (why) limitations.push({ kind: 'resurrected', detail: `${name} is back (typed by client ${record.client} at its step ${record.step}): ${why}` });
  }
  return problems;
}

/** Where moves and joins forwarded each deleted type, in key order (as the rescuer follows them). */
function forwardingOf(doc: Y.Doc): Forwarding {
  const forwarding = new Map<string, Y.ID[]>();
  const map = forwardingMap(doc);
  for (const key of [...map.keys()].sort()) {
    const entry = readForwardingEntry(map.get(key));
    if (!entry) continue;
    const list = forwarding.get(deletedKeyOf(key)) ?? [];
    list.push(Y.createID(entry.to[0], entry.to[1]));
    forwarding.set(deletedKeyOf(key), list);
  }
  return forwarding;
}

/** The client's Y.Doc body read afresh (not through the binding) as a document of its schema. */
function fromY(client: FuzzClient): PMNode {
  return client.state.schema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(bodyFragment(client.ydoc)));
}


/** Where two documents first differ, as their JSON around that point. */
function firstDifference(a: PMNode, b: PMNode): string {
  const left = JSON.stringify(a.toJSON());
  const right = JSON.stringify(b.toJSON());
  let at = 0;
  while (at < left.length && left[at] === right[at]) at++;
  return `${left.slice(Math.max(0, at - 120), at + 120)}  ≠  ${right.slice(Math.max(0, at - 120), at + 120)}`;
}

