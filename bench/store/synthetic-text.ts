import type { Rng } from '../../src/lib/method';

// Lengths from the paper's Table 1, as ../shared/research/peers.md quotes it: mean instruction
// 15.9 words, non-empty input 12.7, output 18.9; 35,878 of 82,439 instances with empty input.
const INSTRUCTION_WORDS = 15.9;
const INPUT_WORDS = 12.7;
const OUTPUT_WORDS = 18.9;
const EMPTY_INPUT_SHARE = 35_878 / 82_439;

// Root verbs from the paper's Fig. 3, then others common in generated instructions.
const VERBS = [
  'Write', 'Give', 'Find', 'Create', 'Make', 'Describe', 'Design', 'Generate', 'Classify', 'Explain', 'Tell', 'Identify',
  'Output', 'Predict', 'Detect', 'List', 'Summarize', 'Rewrite', 'Translate', 'Suggest', 'Compare', 'Convert', 'Calculate',
  'Edit', 'Name', 'Choose', 'Determine', 'Sort', 'Extract', 'Answer', 'Plan', 'Recommend', 'Outline', 'Evaluate',
];

const COMMON = (
  'the a of to and in for is on that with as it this be are by from or an at your you can which how what about following ' +
  'given each if into its their some more most than when one two three all any not only should would'
).split(' ');

const CONTENT = (
  'list story email letter poem summary sentence paragraph article review question answer word words text example ' +
  'examples reasons ways tips steps plan recipe menu schedule budget report essay slogan title headline description ' +
  'product company customer user team friend student teacher manager city country family child dog cat book movie song ' +
  'game sport weather water food health money time day week year job interview meeting school class project problem ' +
  'solution idea topic event trip holiday party gift house car phone computer website app program function code number ' +
  'numbers table data chart price order message tweet post comment note task person people name place date history ' +
  'science math language english french spanish business market strategy goal habit exercise diet sleep stress music ' +
  'art color shape animal plant tree river mountain ocean planet energy climate policy law rule government election ' +
  'short long simple new old good best better important common different similar positive negative happy sad funny ' +
  'formal informal creative interesting useful healthy local online popular main key possible specific clear brief ' +
  'write explain describe use make give find keep help start need want know think feel try ask show turn move live ' +
  'believe bring happen provide sit stand lose pay meet include continue set learn change lead understand watch follow ' +
  'create speak read allow add spend grow open walk win offer remember love consider appear buy wait serve die send ' +
  'expect build stay fall cut reach kill remain suggest raise pass sell require decide return explain hope develop'
).split(' ');

// Rarer words, so the vocabulary, like a real pool's, runs to thousands of tokens.
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vel', 'dor', 'pi', 'su', 'nex', 'tor', 'ba', 'qui', 'zen', 'fa', 'mo', 'ri', 'sel', 'gan', 'ul'];
const RARE = SYLLABLES.flatMap((a) => SYLLABLES.flatMap((b) => SYLLABLES.map((c) => a + b + c))).filter((_, i) => i % 2 === 0);

const LABELS = [['Positive', 'Negative', 'Neutral'], ['Yes', 'No'], ['True', 'False'], ['Sports', 'Politics', 'Technology', 'Entertainment'], ['Spam', 'Not spam']];

/** Instructions, inputs and outputs of about the paper's lengths, from a seeded vocabulary. */
export class SyntheticText {
  constructor(private readonly rng: Rng) {}

  instruction(): string {
    const body = this.#words(this.#count(INSTRUCTION_WORDS, 4, 48) - 1);
    return `${this.#pick(VERBS)} ${body}${this.#pick(['.', '.', '.', '.', '?', ':'])}`;
  }

  /** Empty for about 44% of instances, as in the paper's data. */
  input(): string {
    if (this.rng.next() < EMPTY_INPUT_SHARE) return '';
    const shape = this.rng.next();
    const text = this.#sentence(this.#count(INPUT_WORDS, 2, 60));
    if (shape < 0.15) return `"${text}"`;
    if (shape < 0.25) return `${this.#sentence(4)}\n${this.#sentence(5)}\n${this.#sentence(4)}`;
    return text;
  }

  /** A label for a classification task; else prose, sometimes a list, a quote or a formula-like start. */
  output(labels: readonly string[] | undefined): string {
    if (labels) return this.#pick(labels);
    const shape = this.rng.next();
    const words = this.#count(OUTPUT_WORDS, 1, 120);
    if (shape < 0.12) return [1, 2, 3].map((n) => `${n}. ${this.#sentence(Math.max(2, Math.round(words / 3)))}`).join('\n');
    if (shape < 0.18) return `He said, "${this.#sentence(words)}"`;
    if (shape < 0.2) return `=${this.rng.int(900) + 100} - ${this.rng.int(90) + 10}, so ${this.#sentence(words)}`;
    return this.#sentence(words);
  }

  labels(): readonly string[] {
    return this.#pick(LABELS);
  }

  #sentence(words: number): string {
    const text = this.#words(words);
    return `${text[0]!.toUpperCase()}${text.slice(1)}${this.rng.next() < 0.3 ? ', ' + this.#words(3) : ''}.`;
  }

  #words(n: number): string {
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(this.#word());
    return words.join(' ');
  }

  /** Zipf-like: earlier words in each list are drawn more often. */
  #word(): string {
    const r = this.rng.next();
    const list = r < 0.35 ? COMMON : r < 0.8 ? CONTENT : RARE;
    return list[Math.floor(list.length * this.rng.next() ** 2)]!;
  }

  /** About normal around `mean` (sd 40% of it), clamped. */
  #count(mean: number, min: number, max: number): number {
    const normal = (this.rng.next() + this.rng.next() + this.rng.next() - 1.5) * 2;
    return Math.min(max, Math.max(min, Math.round(mean + normal * mean * 0.4)));
  }

  #pick<T>(items: readonly T[]): T {
    return items[this.rng.int(items.length)]!;
  }
}
