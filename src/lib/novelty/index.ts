export { createFilterService, type FilterApi, type ReplayQuestion } from './filter-service';
export { NoveltyPool } from './novelty-pool';
