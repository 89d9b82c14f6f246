import { ALPACA_BLACKLIST, defaultSettings, SELF_INSTRUCT_BLACKLIST, validateTemplates } from '../lib/method';
import type { MethodSettings, Strategy } from '../lib/vocabulary';
import type { ProjectStore } from '../lib/store';
import { errorMessage } from './handle-error';

/** A project's method settings as the form edits them, saved with the project. */
export class SettingsState {
  /** Deeply reactive: the form binds straight to its fields. */
  draft = $state<MethodSettings>(defaultSettings('self-instruct'));
  #error = $state<string | undefined>();

  constructor(
    private readonly projects: ProjectStore,
    private readonly projectId: string,
  ) {}

  get error() { return this.#error; }
  /** Template problems, in words; a run cannot start while there are any. */
  get problems(): string[] { return validateTemplates(this.draft.templates); }

  async load(): Promise<void> {
    const saved = (await this.projects.get(this.projectId))?.settings;
    // Settings saved before a field existed get that field's default.
    if (saved) this.draft = { ...defaultSettings(saved.strategy), ...saved };
  }

  /** The settings as plain data, saved first so a reload shows what the run used. */
  async commit(): Promise<MethodSettings> {
    const settings = $state.snapshot(this.draft) as MethodSettings;
    try {
      await this.projects.saveSettings(this.projectId, settings);
    } catch (error) {
      this.#error = errorMessage(error);
    }
    return settings;
  }

  /** Another strategy brings its own defaults; how the model is asked and answers stays. */
  useStrategy(strategy: Strategy): void {
    const { promptStyle, outputMode, rougeTokenizer } = this.draft;
    this.draft = { ...defaultSettings(strategy), promptStyle, outputMode, rougeTokenizer };
  }

  useBlacklist(preset: 'self-instruct' | 'alpaca'): void {
    this.draft.heuristics.blacklist = [...(preset === 'alpaca' ? ALPACA_BLACKLIST : SELF_INSTRUCT_BLACKLIST)];
  }

  reset(): void {
    this.draft = defaultSettings(this.draft.strategy);
  }
}
