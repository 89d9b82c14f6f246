// SettingsState on a fake project store: edits are saved once they pause, only when valid, at
// once when the page is hidden, and a problem blocks saving and starting until it is fixed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../src/lib/method';
import type { Project } from '../../src/lib/store';
import type { MethodSettings } from '../../src/lib/vocabulary';
import { SAVE_DELAY_MS, SettingsState } from '../../src/ui/settings-state.svelte';

/** One project in memory; each save is recorded. */
class FakeProjects {
  readonly saves: MethodSettings[] = [];
  failWith: Error | undefined;

  constructor(public project: Project) {}

  async get(id: string): Promise<Project | undefined> {
    return id === this.project.id ? this.project : undefined;
  }

  async saveSettings(id: string, settings: MethodSettings): Promise<void> {
    if (this.failWith) throw this.failWith;
    if (id === this.project.id) this.project = { ...this.project, settings };
    this.saves.push(settings);
  }
}

/** localStorage in memory. */
class FakeNotes {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null { return this.items.get(key) ?? null; }
  setItem(key: string, value: string): void { this.items.set(key, value); }
  removeItem(key: string): void { this.items.delete(key); }
}

async function loaded(settings?: MethodSettings, notes = new FakeNotes()): Promise<{ state: SettingsState; projects: FakeProjects; notes: FakeNotes }> {
  const projects = new FakeProjects({ id: 'p1', name: 'Project', created: 0, ...(settings ? { settings } : {}) });
  const state = new SettingsState(projects, 'p1', notes);
  await state.load();
  return { state, projects, notes };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('SettingsState', () => {
  it('loads the settings as stored, and the defaults for a project never edited', async () => {
    const stored = { ...defaultSettings('alpaca'), rougeThreshold: 0.5 };
    expect((await loaded(stored)).state.draft).toEqual(stored);
    const fresh = await loaded();
    expect(fresh.state.draft).toEqual(defaultSettings('self-instruct'));
    expect(fresh.state.status).toBe('saved');
  });

  it('saves an edit once the edits pause, not before, and once for a burst of edits', async () => {
    const { state, projects } = await loaded();
    state.draft.rougeThreshold = 0.6;
    state.edited();
    state.draft.rougeThreshold = 0.5;
    state.edited();
    expect(state.status).toBe('saving');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(projects.saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(projects.saves.map((saved) => saved.rougeThreshold)).toEqual([0.5]);
    expect(state.status).toBe('saved');
  });

  it('saves nothing while a field is invalid, and names the field', async () => {
    const { state, projects } = await loaded();
    state.draft.sampling.instructions.maxTokens = null;
    state.edited();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(projects.saves).toEqual([]);
    expect(state.status).toBe('invalid');
    expect(state.problems).toEqual({ 'sampling.instructions.maxTokens': 'Enter a whole number from 1 to 32768.' });
    expect(state.checked).toBeUndefined();
    expect(await state.commit()).toBeUndefined();

    state.draft.sampling.instructions.maxTokens = 48;
    state.edited();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(projects.saves.map((saved) => saved.sampling.instructions.maxTokens)).toEqual([48]);
  });

  it('writes nothing when an edit changes nothing', async () => {
    const { state, projects } = await loaded();
    state.draft.rougeThreshold = 0.7;
    state.edited();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(projects.saves).toEqual([]);
  });

  it('saves a waiting edit at once when the page is hidden or left, and when it stops watching', async () => {
    const { state, projects } = await loaded();
    const page = new EventTarget();
    const stop = state.saveWhenLeft(page);
    for (const [event, threshold] of [['visibilitychange', 0.6], ['pagehide', 0.5], ['beforeunload', 0.45]] as const) {
      state.draft.rougeThreshold = threshold;
      state.edited();
      page.dispatchEvent(new Event(event));
      await vi.advanceTimersByTimeAsync(0);
      expect(projects.project.settings?.rougeThreshold).toBe(threshold);
    }
    state.draft.rougeThreshold = 0.4;
    state.edited();
    stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(projects.saves.map((saved) => saved.rougeThreshold)).toEqual([0.6, 0.5, 0.45, 0.4]);
    page.dispatchEvent(new Event('pagehide'));
    state.draft.rougeThreshold = 0.3;
    page.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(projects.saves).toHaveLength(4);
  });

  it('commits the settings for a run, saving a waiting edit first', async () => {
    const { state, projects } = await loaded();
    state.draft.sampling.classify.maxTokens = 4;
    state.edited();
    const settings = await state.commit();
    expect(settings?.sampling.classify.maxTokens).toBe(4);
    expect(projects.project.settings).toEqual(settings);
  });

  it('saves nothing before the stored settings are loaded, so the defaults never overwrite them', async () => {
    const projects = new FakeProjects({ id: 'p1', name: 'Project', created: 0, settings: { ...defaultSettings('alpaca'), rougeThreshold: 0.5 } });
    const state = new SettingsState(projects, 'p1');
    state.draft.maxInstances = 3;
    state.edited();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(projects.saves).toEqual([]);
  });

  it('says why a save failed, and saves again on the next edit', async () => {
    const { state, projects } = await loaded();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    projects.failWith = Object.assign(new Error('The disk is full.'), { name: 'StorageError' });
    state.draft.rougeThreshold = 0.6;
    state.edited();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(state.status).toBe('failed');
    expect(state.error).toMatch(/disk is full/);
    projects.failWith = undefined;
    state.edited();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(state.status).toBe('saved');
    expect(state.error).toBeUndefined();
  });

  it('brings a strategy\'s defaults, keeping the prompt style, answers and tokenizer, and saves them', async () => {
    const { state, projects } = await loaded();
    state.draft.outputMode = 'json';
    state.useStrategy('alpaca');
    expect(state.draft).toEqual({ ...defaultSettings('alpaca'), outputMode: 'json' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(projects.project.settings).toEqual({ ...defaultSettings('alpaca'), outputMode: 'json' });
  });

  it('reads a typed blacklist as words separated by commas or lines', async () => {
    const { state } = await loaded();
    state.setBlacklist('image, draw\n go to ,,');
    expect(state.draft.heuristics.blacklist).toEqual(['image', 'draw', 'go to']);
  });

  it('writes the waiting settings down when the page is left, and the next page saves them if this one could not', async () => {
    const { state, projects, notes } = await loaded();
    const page = new EventTarget();
    state.saveWhenLeft(page);
    projects.failWith = new Error('the page unloaded before the write');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    state.draft.rougeThreshold = 0.55;
    state.edited();
    page.dispatchEvent(new Event('beforeunload'));
    expect(JSON.parse([...notes.items.values()][0]!).rougeThreshold).toBe(0.55);
    await vi.advanceTimersByTimeAsync(0);
    expect(projects.project.settings).toBeUndefined();

    projects.failWith = undefined;
    const next = new SettingsState(projects, 'p1', notes);
    await next.load();
    expect(next.draft.rougeThreshold).toBe(0.55);
    expect(projects.project.settings?.rougeThreshold).toBe(0.55);
    expect(notes.items.size).toBe(0);
    expect(next.status).toBe('saved');
  });

  it('a save that finished clears the note, and a damaged note is dropped', async () => {
    const { state, notes } = await loaded();
    state.saveWhenLeft(new EventTarget())();
    state.draft.maxInstances = 3;
    state.edited();
    const page = new EventTarget();
    state.saveWhenLeft(page);
    page.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(notes.items.size).toBe(0);

    notes.setItem('self-instruct-studio:unsaved-settings:p1', '{"rougeThreshold": null');
    const next = await loaded(undefined, notes);
    expect(next.state.draft).toEqual(defaultSettings('self-instruct'));
    expect(notes.items.size).toBe(0);
  });
});
