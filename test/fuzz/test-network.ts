import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';

/**
 * An in-memory network between Y.Docs for the convergence fuzz, after the TestConnector of
 * Yjs's and y-prosemirror's random tests. Every ordered pair of online peers is a link with a
 * buffer of y-protocols sync messages; nothing is delivered until the fuzz says so, and then
 * in a random order: links are picked at random and messages within a link are shuffled, so
 * updates arrive late and out of order (Yjs must hold back what lacks its dependencies).
 *
 * Going offline drops everything in flight to and from the peer, as a closed socket would.
 * Coming online runs the sync handshake (step 1 → step 2) with every online peer, through
 * the same buffers, which is how a reconnecting client catches up.
 */
export class TestNetwork {
  private readonly online = new Set<number>();
  /** The peer that received the most recent delivery (to tell whose binding failed on it). */
  lastReceiver = -1;
  /** Messages waiting on the link from → to, keyed `${from}>${to}`. */
  private readonly links = new Map<string, Uint8Array[]>();

  /**
   * @param outOfOrderShare the share of deliveries that take a link's messages in random
   *   order rather than oldest first (out-of-order updates are costly for Yjs to hold back)
   */
  constructor(
    private readonly docs: readonly Y.Doc[],
    private readonly gen: prng.PRNG,
    private readonly outOfOrderShare = 0.25,
    private readonly hooks: NetworkHooks = {},
  ) {
    docs.forEach((doc, index) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        // Updates this network applied are not sent on: every peer hears from the author.
        if (origin === this || !this.online.has(index)) return;
        const encoder = encoding.createEncoder();
        syncProtocol.writeUpdate(encoder, update);
        const message = encoding.toUint8Array(encoder);
        for (const other of this.online) if (other !== index) this.send(index, other, message);
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
    for (const other of this.online) {
      if (other === index) continue;
      this.send(index, other, this.syncStep1(index));
      this.send(other, index, this.syncStep1(other));
    }
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
   * messages or (when `partial`) a random part of them, shuffled, in one Yjs transaction (as
   * when several messages arrive in one burst). Returns false when nothing was in flight.
   */
  deliverToRandomPeer(partial = false): boolean {
    const receivers = [...new Set([...this.links.entries()].filter(([, messages]) => messages.length > 0).map(([key]) => linkEnds(key)[1]))];
    if (receivers.length === 0) return false;
    const to = prng.oneOf(this.gen, receivers.sort((a, b) => a - b));
    const batch: Array<{ from: number; message: Uint8Array }> = [];
    for (const [key, messages] of this.links) {
      const [from, receiver] = linkEnds(key);
      if (receiver !== to || messages.length === 0) continue;
      const count = partial ? prng.int32(this.gen, 0, messages.length) : messages.length;
      // Usually the oldest first, as a socket delivers; sometimes a random selection, so
      // that updates also arrive out of order and Yjs must hold back what lacks its base.
      const outOfOrder = prng.real53(this.gen) < this.outOfOrderShare;
      for (let i = 0; i < count; i++) {
        const at = outOfOrder ? prng.int32(this.gen, 0, messages.length - 1) : 0;
        batch.push({ from, message: messages.splice(at, 1)[0]! });
      }
    }
    // Links interleave at random.
    if (prng.real53(this.gen) < this.outOfOrderShare) shuffle(this.gen, batch);
    this.lastReceiver = to;
    const doc = this.docs[to]!;
    const replies: Array<{ from: number; message: Uint8Array }> = [];
    try {
      doc.transact(() => {
        for (const { from, message } of batch) {
          if (this.hooks.incoming) for (const update of updatesIn(message)) this.hooks.incoming(to, update);
          const reply = encoding.createEncoder();
          syncProtocol.readSyncMessage(decoding.createDecoder(message), reply, doc, this);
          if (encoding.length(reply) > 0) replies.push({ from, message: encoding.toUint8Array(reply) });
        }
      }, this);
    } finally {
      // An observer that throws does so when this batch's one transaction ends, after the
      // messages were applied and answered; the answers still go out (the run then fails).
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
  /** Called with each update in a message to peer `to`, before it is applied. */
  incoming?: (to: number, update: Uint8Array) => void;
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

function shuffle<T>(gen: prng.PRNG, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = prng.int32(gen, 0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
