// The dataset's statistics: the Self-Instruct paper's analyses (the verb–noun structure of Fig. 3,
// Figs. 4 and 5, the shares, the acceptance over the run) and the diversity figures of Shaib et
// al. 2024, as pure functions, and the stats worker's service that reads a project for them from
// the store, with the helper workers' service beside it.
export { datasetStats, type DatasetStats, type StatsInput } from './dataset-stats';
export { ACCEPTANCE_WINDOW, type Acceptance, type AcceptanceWindow, type RejectionRule } from './acceptance';
export { DIVERSITY_EXPLANATIONS, type Diversity, type DiversityFigure } from './diversity';
export type { Histogram } from './histogram';
export { LENGTH_BINS, type Lengths } from './lengths';
export type { Shares } from './shares';
export type { Distribution } from './summary';
export { SELF_BLEU_SAMPLE, type SelfBleuOptions } from './self-bleu';
export type { Timer } from './timer';
export { createStatsService, type ComparedStats, type ComputedStats, type Reference, type StatsApi, type TimedPart } from './stats-service';
export { createStatsHelperService, inThreadHelper, type StatsHelper, type StatsHelperApi } from './stats-helper';
export { rowsBehind, type FigurePart, type RowFigures } from './rows-behind';
export { verbNounFinder, verbNounTree, treeOfPairs, type VerbNoun, type VerbBranch, type VerbNounTree } from './verb-noun';
