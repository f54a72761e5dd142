import type { ReactNode } from 'react';

interface Props {
  className: string;
  /** The ids that describe the whole list: its hint, and the counter's missing count. */
  describedBy: string;
  legend: string;
  hintId: string;
  hint: string;
  children: ReactNode;
}

/** The frame of a documents checklist, at the counter and in the lane: the legend, a hint on how to mark, the rows. */
export function ChecklistFrame({ className, describedBy, legend, hintId, hint, children }: Props) {
  return (
    <fieldset className={className} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <p id={hintId} className="hint small">
        {hint}
      </p>
      {children}
    </fieldset>
  );
}
