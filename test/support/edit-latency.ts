import type * as Y from 'yjs';

/**
 * Milliseconds from an insert into `from`'s Y.Text "latency" until `to` has it, `samples`
 * times after `warmUp` unmeasured edits: the Yjs-level edit latency between two clients.
 */
export async function editLatencies(from: Y.Doc, to: Y.Doc, samples: number, warmUp = 0): Promise<number[]> {
  const text = to.getText('latency');
  const measured: number[] = [];
  for (let i = 0; i < samples + warmUp; i++) {
    const arrived = new Promise<void>((resolve) => {
      const seen = () => {
        text.unobserve(seen);
        resolve();
      };
      text.observe(seen);
    });
    const start = performance.now();
    from.getText('latency').insert(0, 'x');
    await arrived;
    if (i >= warmUp) measured.push(performance.now() - start);
  }
  return measured;
}
