import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tokenText } from './fuzz-tokens';
import { TokenLedger } from './token-ledger';
import { explainResurrected } from './token-resurrection';
import { YOpLog } from './y-op-log';

const remote = Symbol('remote');

/**
 * Anna and Bo share a text holding Anna's token. Anna deletes the token; Bo, who has not
 * received that, "moves" the text (a copy of it into a new text, the old one deleted) or
 * not, as the test says. Y.XmlTexts in a Y.XmlFragment, as the editor binding writes them.
 */
function world() {
  const log = new YOpLog();
  const ledger = new TokenLedger();
  const anna = new Y.Doc();
  const bo = new Y.Doc();
  anna.clientID = 1;
  bo.clientID = 2;
  log.watch(anna, remote);
  log.watch(bo, remote);
  const token = ledger.type(1, 1);
  log.during('type', 'anna types', () => {
    const text = new Y.XmlText();
    anna.getXmlFragment('body').insert(0, [text]);
    text.insert(0, `ab${token}cd`);
  });
  const sync = (from: Y.Doc, to: Y.Doc): void => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), remote);
  sync(anna, bo);
  const deleteToken = (): void => {
    log.during('delete', 'anna deletes', () => (anna.getXmlFragment('body').get(0) as Y.XmlText).delete(2, token.length));
    ledger.delete('c1-t1', 'anna deletes', 'anna deletes');
  };
  const moveText = (): void => {
    log.during('moveItem', 'bo moves', () => {
      const body = bo.getXmlFragment('body');
      const copy = new Y.XmlText();
      body.insert(1, [copy]);
      copy.insert(0, (body.get(0) as Y.XmlText).toString());
      body.delete(0, 1);
    });
  };
  const record = () => ledger.tokens.get('c1-t1')!;
  return { log, anna, bo, sync, deleteToken, moveText, record, token };
}

describe('a token deleted on purpose that comes back', () => {
  it('is reported when a copy made without knowing of the deletion keeps it', () => {
    const { log, anna, bo, sync, deleteToken, moveText, record } = world();
    deleteToken();
    moveText();
    sync(anna, bo);
    sync(bo, anna);
    expect(bo.getXmlFragment('body').toString()).toContain('c1-t1');
    expect(explainResurrected(bo, log, record())).toMatch(/^deleted by anna deletes, yet its copy 2:\d+ made by bo moves is live$/);
  });

  it('is not reported for a copy the deleting step had seen and left (the token was there twice)', () => {
    const { log, anna, bo, sync, deleteToken, record } = world();
    // Bo copies the text and keeps the original: the token is there twice, and Anna sees both.
    log.during('split', 'bo copies', () => {
      const body = bo.getXmlFragment('body');
      const copy = new Y.XmlText();
      body.insert(1, [copy]);
      copy.insert(0, (body.get(0) as Y.XmlText).toString());
    });
    sync(bo, anna);
    deleteToken();
    sync(anna, bo);
    sync(bo, anna);
    expect(bo.getXmlFragment('body').toString()).toContain('c1-t1');
    expect(explainResurrected(bo, log, record())).toBeNull();
  });

  it('is not reported when its deletion was taken back (written anew)', () => {
    const { log, anna, bo, sync, deleteToken, moveText, record, token } = world();
    deleteToken();
    moveText();
    log.during('undo', 'anna undoes', () => (anna.getXmlFragment('body').get(0) as Y.XmlText).insert(2, token));
    sync(anna, bo);
    sync(bo, anna);
    expect(explainResurrected(bo, log, record())).toBeNull();
  });
});
