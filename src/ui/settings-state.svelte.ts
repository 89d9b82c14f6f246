import { ALPACA_BLACKLIST, checkSettings, defaultSettings, repairSettings, SELF_INSTRUCT_BLACKLIST, type SettingsDraft, type SettingsProblems } from '../lib/method';
import type { MethodSettings, Strategy } from '../lib/vocabulary';
import type { ProjectStore } from '../lib/store';
import { errorMessage } from './handle-error';

/** How long the form waits after an edit before saving, so typing a number saves it once. */
export const SAVE_DELAY_MS = 500;

/**
 * `saved`: a reload shows what the form shows. `saving`: an edit waits for the form to settle, or
 * is being written. `invalid`: a field needs fixing, and nothing is saved until it is. `failed`:
 * the last save failed (`error` says why).
 */
export type SaveStatus = 'saved' | 'saving' | 'invalid' | 'failed';

const NO_PROBLEMS: SettingsProblems = {};

// A save reads the project and then writes it, and a reloading page stops getting IndexedDB's
// answers partway through (in Chromium a reload right after an edit lost it, most often on a busy
// machine). So when the page is left, the waiting settings are first written down synchronously in
// localStorage, which the next page reads at once, and then saved as usual; load() finishes a save
// that the page did not live to see. `visibilitychange` is the last event a mobile browser
// promises before it discards a hidden tab.
const PAGE_LEFT = ['beforeunload', 'pagehide', 'visibilitychange'] as const;

/** A project's method settings as the form edits them, saved as the user edits, whenever they are valid. */
export class SettingsState {
  /** Deeply reactive: the form binds straight to its fields. */
  #draft = $state<SettingsDraft>(defaultSettings('self-instruct'));
  readonly #check = $derived(checkSettings(this.#draft));
  /** What a reload would show, as JSON: an edit that changes nothing writes nothing. */
  #stored = $state('');
  #error = $state<string | undefined>();
  readonly #status = $derived.by((): SaveStatus => {
    if (!this.#check.ok) return 'invalid';
    if (JSON.stringify(this.#check.settings) === this.#stored) return 'saved';
    return this.#error === undefined ? 'saving' : 'failed';
  });
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Nothing is saved before load(), or the defaults shown meanwhile would overwrite the project's settings. */
  #loaded = false;

  constructor(
    private readonly projects: Pick<ProjectStore, 'get' | 'saveSettings'>,
    private readonly projectId: string,
    /** Where settings waiting to be saved are written down when the page is left; none in private modes that refuse it. */
    private readonly notes: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = globalThis.localStorage,
  ) {
    this.#stored = JSON.stringify(this.checked);
  }

  get #noteKey(): string {
    return `self-instruct-studio:unsaved-settings:${this.projectId}`;
  }

  get draft(): SettingsDraft { return this.#draft; }
  /** The checked settings, or undefined while a field needs fixing; a run cannot start then. */
  get checked(): MethodSettings | undefined { return this.#check.ok ? this.#check.settings : undefined; }
  /** What is wrong with each field, in words, by the field's path. */
  get problems(): SettingsProblems { return this.#check.ok ? NO_PROBLEMS : this.#check.problems; }
  get status(): SaveStatus { return this.#status; }
  get error() { return this.#error; }

  /** Reads the project's settings as stored, checked by the schema; a project never edited shows the defaults. */
  async load(): Promise<void> {
    // Stored settings are valid since the version 4 upgrade; repairing is the schema's check, and a guard.
    const settings = repairSettings((await this.projects.get(this.projectId))?.settings);
    this.#draft = settings;
    this.#stored = JSON.stringify(settings);
    this.#loaded = true;
    const unsaved = this.#readNote();
    if (unsaved) {
      this.#draft = unsaved;
      await this.#save();
    }
  }

  /** Settings written down when the page was left, if the save they wait for did not finish. */
  #readNote(): MethodSettings | undefined {
    const text = attempt(() => this.notes?.getItem(this.#noteKey));
    if (!text) return undefined;
    const checked = checkSettings(attempt(() => JSON.parse(text) as unknown));
    if (!checked.ok) attempt(() => this.notes?.removeItem(this.#noteKey));
    return checked.ok ? checked.settings : undefined;
  }

  /** The form changed the draft: it is saved once the edits pause for SAVE_DELAY_MS. */
  edited(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#save(), SAVE_DELAY_MS);
  }

  /** Writes a waiting edit now; a no-op when storage holds the form's settings or a field needs fixing. */
  async #save(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const settings = this.checked;
    if (!settings || !this.#loaded) return;
    const json = JSON.stringify(settings);
    if (json === this.#stored) return;
    try {
      await this.projects.saveSettings(this.projectId, settings);
      this.#stored = json;
      this.#error = undefined;
      attempt(() => this.notes?.removeItem(this.#noteKey));
    } catch (error) {
      this.#error = errorMessage(error);
    }
  }

  /** The settings for a run, saved first so a reload shows what the run used; undefined while a field needs fixing. */
  async commit(): Promise<MethodSettings | undefined> {
    await this.#save();
    return this.checked;
  }

  /**
   * Saves a waiting edit as soon as the page is hidden or left, so a quick reload keeps it, until
   * the returned function is called; that saves too, as when the form shows another project.
   */
  saveWhenLeft(events: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> = window): () => void {
    const leave = () => {
      this.#writeNote();
      void this.#save();
    };
    for (const name of PAGE_LEFT) events.addEventListener(name, leave);
    return () => {
      for (const name of PAGE_LEFT) events.removeEventListener(name, leave);
      void this.#save();
    };
  }

  #writeNote(): void {
    const settings = this.checked;
    if (!settings || !this.#loaded) return;
    const json = JSON.stringify(settings);
    if (json !== this.#stored) attempt(() => this.notes?.setItem(this.#noteKey, json));
  }

  /** Another strategy brings its own defaults; how the model is asked and answers stays. */
  useStrategy(strategy: Strategy): void {
    const { promptStyle, outputMode, rougeTokenizer } = this.#draft;
    this.#draft = { ...defaultSettings(strategy), promptStyle, outputMode, rougeTokenizer };
    this.edited();
  }

  useBlacklist(preset: 'self-instruct' | 'alpaca'): void {
    this.#draft.heuristics.blacklist = [...(preset === 'alpaca' ? ALPACA_BLACKLIST : SELF_INSTRUCT_BLACKLIST)];
    this.edited();
  }

  /** The blacklist as typed: words and phrases separated by commas or lines. */
  setBlacklist(text: string): void {
    this.#draft.heuristics.blacklist = text.split(/[,\n]/).map((word) => word.trim()).filter(Boolean);
    this.edited();
  }

  reset(): void {
    this.#draft = defaultSettings(this.#draft.strategy);
    this.edited();
  }
}

/** Storage that refuses (a private mode, a full quota) only loses the note, never the form. */
function attempt<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}
