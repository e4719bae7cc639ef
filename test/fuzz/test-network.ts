import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';

/**
 * An in-memory network between Y.Docs for the convergence fuzz, after the TestConnector of
 * Yjs's and y-prosemirror's random tests. Every ordered pair of connected peers is a link
 * with a buffer of y-protocols sync messages; nothing is delivered until the fuzz says so.
 *
 * Two shapes:
 * - `star` (the product): every client has one connection, to the hub (the sync server),
 *   which relays every update it receives or makes to every client. A connection delivers in
 *   order, as a websocket does; messages from different clients reach the hub interleaved at
 *   random, late and in bursts, and each is applied on its own, as y-websocket does.
 * - `mesh` (harsher than the product): every peer talks to every other; links are picked at
 *   random and a share of deliveries take a link's messages out of order, so Yjs must hold
 *   back what lacks its dependencies; a burst is applied in one transaction.
 *
 * Going offline drops everything in flight to and from the peer, as a closed socket would.
 * Coming online runs the sync handshake (step 1 → step 2) with the peers it connects to,
 * through the same buffers, which is how a reconnecting client catches up.
 */
export type Topology = { kind: 'star'; hub: number } | { kind: 'mesh'; outOfOrderShare: number };

export class TestNetwork {
  private readonly online = new Set<number>();
  /** Messages waiting on the link from → to, keyed `${from}>${to}`. */
  private readonly links = new Map<string, Uint8Array[]>();

  constructor(
    private readonly docs: readonly Y.Doc[],
    private readonly gen: prng.PRNG,
    private readonly topology: Topology,
    private readonly hooks: NetworkHooks = {},
  ) {
    docs.forEach((doc, index) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        // In a mesh every peer hears from the author; in a star the hub relays what it receives.
        if (!this.online.has(index) || (origin === this && !this.isHub(index))) return;
        const encoder = encoding.createEncoder();
        syncProtocol.writeUpdate(encoder, update);
        const message = encoding.toUint8Array(encoder);
        for (const other of this.peersOf(index)) this.send(index, other, message);
      });
    });
  }

  /** True when peer `index` is connected. */
  isOnline(index: number): boolean {
    return this.online.has(index);
  }

  /** Connects peer `index` and queues the sync handshake with every online peer. */
  connect(index: number): void {
    if (this.online.has(index)) return;
    this.online.add(index);
    for (const other of this.peersOf(index)) {
      this.send(index, other, this.syncStep1(index));
      this.send(other, index, this.syncStep1(other));
    }
  }

  /** The online peers that `index` has a connection to. */
  private peersOf(index: number): number[] {
    const others = [...this.online].filter((other) => other !== index);
    if (this.topology.kind === 'mesh' || this.isHub(index)) return others;
    return others.filter((other) => this.isHub(other));
  }

  private isHub(index: number): boolean {
    return this.topology.kind === 'star' && this.topology.hub === index;
  }

  /** Disconnects peer `index`, dropping every message in flight to or from it. */
  disconnect(index: number): void {
    if (!this.online.delete(index)) return;
    for (const key of [...this.links.keys()]) {
      const [from, to] = linkEnds(key);
      if (from === index || to === index) this.links.delete(key);
    }
  }

  /** The number of messages in flight. */
  pending(): number {
    let count = 0;
    for (const messages of this.links.values()) count += messages.length;
    return count;
  }

  /**
   * Delivers to one random peer with messages waiting: from every link into it, all
   * messages or (when `partial`) a random part of them (as when several messages arrive in
   * one burst). Returns false when nothing was in flight.
   */
  deliverToRandomPeer(partial = false): boolean {
    const receivers = [...new Set([...this.links.entries()].filter(([, messages]) => messages.length > 0).map(([key]) => linkEnds(key)[1]))];
    if (receivers.length === 0) return false;
    const to = prng.oneOf(this.gen, receivers.sort((a, b) => a - b));
    const mesh = this.topology.kind === 'mesh' ? this.topology : null;
    const taken: Array<Array<{ from: number; message: Uint8Array }>> = [];
    for (const [key, messages] of this.links) {
      const [from, receiver] = linkEnds(key);
      if (receiver !== to || messages.length === 0) continue;
      const count = partial ? prng.int32(this.gen, 0, messages.length) : messages.length;
      // Oldest first, as a socket delivers; in a mesh sometimes a random selection, so that
      // updates also arrive out of order and Yjs must hold back what lacks its base.
      const outOfOrder = mesh !== null && prng.real53(this.gen) < mesh.outOfOrderShare;
      const fromLink: Array<{ from: number; message: Uint8Array }> = [];
      for (let i = 0; i < count; i++) {
        const at = outOfOrder ? prng.int32(this.gen, 0, messages.length - 1) : 0;
        fromLink.push({ from, message: messages.splice(at, 1)[0]! });
      }
      taken.push(fromLink);
    }
    const batch = mesh && prng.real53(this.gen) < mesh.outOfOrderShare ? shuffled(this.gen, taken.flat()) : interleaved(this.gen, taken);
    const doc = this.docs[to]!;
    const replies: Array<{ from: number; message: Uint8Array }> = [];
    const receive = ({ from, message }: { from: number; message: Uint8Array }) => {
      if (this.hooks.incoming) for (const update of updatesIn(message)) this.hooks.incoming(to, update, this.docs[from]!.clientID);
      const reply = encoding.createEncoder();
      syncProtocol.readSyncMessage(decoding.createDecoder(message), reply, doc, this);
      if (encoding.length(reply) > 0) replies.push({ from, message: encoding.toUint8Array(reply) });
    };
    try {
      // A mesh burst is one transaction; over a socket each message is applied on its own.
      if (mesh) doc.transact(() => batch.forEach(receive), this);
      else batch.forEach(receive);
    } finally {
      // An observer that throws does so after the messages were applied and answered; the
      // answers still go out (the run then fails).
      this.hooks.delivered?.(to);
      for (const reply of replies) this.send(to, reply.from, reply.message);
    }
    return true;
  }

  /** Delivers everything in flight, including the replies that delivering causes. */
  deliverAll(): void {
    while (this.deliverToRandomPeer()) {
      // keep going until every link is empty
    }
  }

  private send(from: number, to: number, message: Uint8Array): void {
    if (!this.online.has(from) || !this.online.has(to)) return;
    const key = `${from}>${to}`;
    let messages = this.links.get(key);
    if (!messages) this.links.set(key, (messages = []));
    messages.push(message);
  }

  private syncStep1(index: number): Uint8Array {
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, this.docs[index]!);
    return encoding.toUint8Array(encoder);
  }
}

/** What a peer may want to know about deliveries to it (the sync server's rescuer does). */
export interface NetworkHooks {
  /** Called with each update in a message to peer `to`, before it is applied, with its sender's Yjs client id. */
  incoming?: (to: number, update: Uint8Array, sender: number) => void;
  /** Called after a delivery to peer `to` was applied. */
  delivered?: (to: number) => void;
}

/** The Yjs updates a sync message carries (step 2 or update), none for step 1. */
function updatesIn(message: Uint8Array): Uint8Array[] {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  return type === syncProtocol.messageYjsSyncStep2 || type === syncProtocol.messageYjsUpdate ? [decoding.readVarUint8Array(decoder)] : [];
}

function linkEnds(key: string): [number, number] {
  const [from, to] = key.split('>').map(Number);
  return [from!, to!];
}

/** `items` in a random order. */
function shuffled<T>(gen: prng.PRNG, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = prng.int32(gen, 0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** The lists merged at random, each keeping its own order (several sockets into one peer). */
function interleaved<T>(gen: prng.PRNG, lists: T[][]): T[] {
  const merged: T[] = [];
  const open = lists.filter((list) => list.length > 0).map((list) => [...list]);
  while (open.length > 0) {
    const at = prng.int32(gen, 0, open.length - 1);
    merged.push(open[at]!.shift()!);
    if (open[at]!.length === 0) open.splice(at, 1);
  }
  return merged;
}
