import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { documentTitle } from '../../../shared/agenda/meeting-facts';
import { meetingMap, readMeetingFacts } from '../../../shared/agenda/ydoc-agenda';

/** The agenda's title from its meeting facts, kept current as anyone edits them. */
export function useMeetingTitle(ydoc: Y.Doc): string {
  const read = () => {
    try {
      return documentTitle(readMeetingFacts(ydoc));
    } catch {
      return 'Dagsorden';
    }
  };
  const [title, setTitle] = useState(read);
  useEffect(() => {
    const map = meetingMap(ydoc);
    const update = () => setTitle(read());
    update();
    map.observe(update);
    return () => map.unobserve(update);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ydoc]);
  return title;
}
