import { useEffect, useId, useState, type ChangeEvent } from 'react';
import type * as Y from 'yjs';
import { EMPTY_MEETING_FACTS, formatDanishDate, type DocumentKind, type MeetingFacts } from '../../../shared/agenda/meeting-facts';
import { meetingMap, readMeetingFacts, writeMeetingFacts } from '../../../shared/agenda/ydoc-agenda';
import { formatDateField, parseDanishDate } from '../../../shared/agenda/danish-date';
import './meeting.css';

const MAX_LENGTH = 500;

/** The facts as stored, or empty facts while what is stored cannot be read. */
function storedFacts(ydoc: Y.Doc): MeetingFacts {
  try {
    return readMeetingFacts(ydoc);
  } catch {
    return EMPTY_MEETING_FACTS;
  }
}

/**
 * The meeting facts (committee, dagsorden/referat, date, time, place), edited in place: every
 * valid change is written to the agenda's Y.Doc at once and shows for everyone. A date that
 * is not a real date is kept in the field, with a message, and not saved.
 */
export function MeetingFactsForm({ ydoc, readOnly = false }: { ydoc: Y.Doc; readOnly?: boolean }) {
  const [facts, setFacts] = useState<MeetingFacts>(() => storedFacts(ydoc));
  const [dateText, setDateText] = useState(() => formatDateField(facts.date));
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const [dateFocused, setDateFocused] = useState(false);
  const id = useId();

  useEffect(() => {
    const map = meetingMap(ydoc);
    const update = () => setFacts(storedFacts(ydoc));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [ydoc]);

  // Show someone else's new date, unless this person is typing one.
  useEffect(() => {
    if (!dateFocused && !dateProblem) setDateText(formatDateField(facts.date));
  }, [facts.date, dateFocused, dateProblem]);

  const write = (change: Partial<MeetingFacts>) => writeMeetingFacts(ydoc, change);
  const text = (field: 'committee' | 'time' | 'place') => ({
    value: facts[field],
    maxLength: MAX_LENGTH,
    onChange: (event: ChangeEvent<HTMLInputElement>) => write({ [field]: event.target.value }),
  });

  const changeDate = (value: string) => {
    setDateText(value);
    const iso = parseDanishDate(value);
    if (iso === null) {
      setDateProblem('Ugyldig dato. Skriv den som dd.mm.åååå, f.eks. 18.06.2024.');
      return;
    }
    setDateProblem(null);
    if (iso !== facts.date) write({ date: iso });
  };

  const committeeMissing = facts.committee.trim() === '';

  return (
    <section className="meeting-facts" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="meeting-facts-heading">Mødet</h2>
      <fieldset className="meeting-facts-grid" disabled={readOnly}>
        <label className="field field--wide">
          <span>Udvalg</span>
          <input {...text('committee')} name="committee" placeholder="f.eks. KKR Midtjylland" aria-invalid={committeeMissing || undefined} aria-describedby={committeeMissing ? `${id}-committee` : undefined} />
          {committeeMissing && <small id={`${id}-committee`} className="field-problem">Skriv udvalgets navn; det står på forsiden og i sidehovedet.</small>}
        </label>
        <fieldset className="field kind-field">
          <legend>Dokument</legend>
          {(['dagsorden', 'referat'] as DocumentKind[]).map((kind) => (
            <label key={kind} className={`kind-choice${facts.kind === kind ? ' is-chosen' : ''}`}>
              <input type="radio" name={`${id}-kind`} value={kind} checked={facts.kind === kind} onChange={() => write({ kind })} />
              {kind === 'dagsorden' ? 'Dagsorden' : 'Referat'}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Dato</span>
          <input
            name="date"
            value={dateText}
            placeholder="dd.mm.åååå"
            inputMode="numeric"
            onChange={(event) => changeDate(event.target.value)}
            onFocus={() => setDateFocused(true)}
            onBlur={() => setDateFocused(false)}
            aria-invalid={dateProblem ? true : undefined}
            aria-describedby={`${id}-date`}
          />
          {dateProblem ? (
            <small id={`${id}-date`} role="alert" className="field-problem">{dateProblem}</small>
          ) : (
            <small id={`${id}-date`} className="field-hint">{facts.date ? formatDanishDate(facts.date) : 'Ingen dato endnu'}</small>
          )}
        </label>
        <label className="field">
          <span>Tidspunkt</span>
          <input {...text('time')} name="time" placeholder="f.eks. 10.00-12.00" />
        </label>
        <label className="field field--wide">
          <span>Sted</span>
          <input {...text('place')} name="place" placeholder="f.eks. Regionshuset Viborg" />
        </label>
      </fieldset>
    </section>
  );
}
