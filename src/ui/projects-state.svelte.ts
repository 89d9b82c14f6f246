import { readBackup, writeBackup } from '../lib/backup';
import type { Project, ProjectStore } from '../lib/store';
import { downloadFile } from './download-file';
import { slug } from '../lib/download';
import { errorMessage } from './handle-error';

const CURRENT_KEY = 'self-instruct-studio:project';
const FIRST_NAME = 'My dataset';

/** The projects in this browser and the one on screen (remembered across reloads). */
export class ProjectsState {
  #list = $state.raw<Project[]>([]);
  #currentId = $state<string>('');
  #error = $state<string | undefined>();

  constructor(private readonly projects: ProjectStore) {}

  get list() { return this.#list; }
  get currentId() { return this.#currentId; }
  get error() { return this.#error; }
  get current(): Project | undefined {
    return this.#list.find((project) => project.id === this.#currentId);
  }

  async load(): Promise<void> {
    await this.projects.ensureOne(FIRST_NAME);
    await this.refresh(localStorage.getItem(CURRENT_KEY) ?? '');
  }

  select(id: string): void {
    if (!this.#list.some((project) => project.id === id)) return;
    this.#currentId = id;
    localStorage.setItem(CURRENT_KEY, id);
  }

  create(name: string): Promise<void> {
    return this.attempt(async () => this.refresh((await this.projects.create(name)).id));
  }

  rename(name: string): Promise<void> {
    return this.attempt(async () => {
      await this.projects.rename(this.#currentId, name);
      await this.refresh(this.#currentId);
    });
  }

  /** Copies the project on screen, as "Name (copy)" (or "(copy 2)"…), and shows the copy. */
  duplicate(): Promise<void> {
    const name = this.current?.name ?? FIRST_NAME;
    return this.attempt(async () => this.refresh((await this.projects.duplicate(this.#currentId, name)).id));
  }

  /** Downloads the project on screen as one file that another browser can restore. */
  backup(): Promise<void> {
    return this.attempt(async () => {
      const rows = await this.projects.read(this.#currentId);
      downloadFile(`${slug(rows.project.name)}.studio-backup.gz`, [writeBackup(rows)], 'application/gzip');
    });
  }

  /**
   * Adds the project in a backup file as a new project and shows it, under its own name unless a
   * project here has it ("Name (restored)" then); a bad file changes nothing.
   */
  restore(file: File): Promise<void> {
    return this.attempt(async () => {
      const result = readBackup(new Uint8Array(await file.arrayBuffer()));
      if (!result.ok) throw new Error(`${file.name}: ${result.problem}`);
      await this.refresh((await this.projects.adopt(result.rows, result.rows.project.name, 'restored')).id);
    });
  }

  /** Deletes the project on screen and shows another; the last one is replaced by a fresh one. */
  remove(): Promise<void> {
    return this.attempt(async () => {
      await this.projects.remove(this.#currentId);
      await this.projects.ensureOne(FIRST_NAME);
      await this.refresh('');
    });
  }

  private async attempt(action: () => Promise<void>): Promise<void> {
    this.#error = undefined;
    try {
      await action();
    } catch (error) {
      this.#error = errorMessage(error);
    }
  }

  private async refresh(preferredId: string): Promise<void> {
    this.#list = await this.projects.list();
    this.select(this.#list.some((project) => project.id === preferredId) ? preferredId : this.#list[0]!.id);
  }
}
