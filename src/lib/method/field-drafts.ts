import { answerLines, withoutMarkup } from './field-text';

/** The fields read so far of one task or example: each slot's lines, the first being the text after its label. */
export type Draft<Slot extends string> = Partial<Record<Slot, string[]>>;

/** How one kind of free-text answer lays out its labelled fields. */
export interface DraftLayout<Slot extends string> {
  /** A label line, read without markup: the label in group 1, the start of its value in group 2. */
  field: RegExp;
  /** The slot each label (in lower case) fills; a line with any other label is text of the current value. */
  slots: Readonly<Record<string, Slot>>;
  /** A header or separator between drafts; `bare` is the line without markup. */
  isBreak(bare: string, line: string): boolean;
  /**
   * The slot whose label opens every draft, as "Instruction:" does in Alpaca's answers. A label the
   * draft already has is then text of the current value, and a break only ends that value. Without
   * an opener the headers may be missing: a label the draft already has opens the next draft, and a
   * break ends the draft.
   */
  opener?: Slot;
}

/**
 * The drafts in an answer, in order. A field's value runs from its label to the next label or
 * break, so it may span lines; code fences and the text before the first label are left out.
 */
export function readDrafts<Slot extends string>(text: string, layout: DraftLayout<Slot>): Draft<Slot>[] {
  const drafts: Draft<Slot>[] = [];
  let current: Draft<Slot> | undefined;
  let slot: Slot | undefined;
  for (const line of answerLines(text)) {
    const bare = withoutMarkup(line);
    if (layout.isBreak(bare, line)) {
      slot = undefined;
      if (layout.opener === undefined) current = undefined;
      continue;
    }
    const field = layout.field.exec(bare);
    const named = field ? layout.slots[field[1]!.toLowerCase()] : undefined;
    if (named !== undefined && opensDraft(named, current, layout.opener)) drafts.push((current = {}));
    if (named !== undefined && current && !current[named]) {
      current[named] = [field![2]!];
      slot = named;
    } else if (current && slot) {
      current[slot]!.push(line);
    }
  }
  return drafts;
}

function opensDraft<Slot extends string>(named: Slot, current: Draft<Slot> | undefined, opener: Slot | undefined): boolean {
  return opener === undefined ? !current || current[named] !== undefined : named === opener;
}
