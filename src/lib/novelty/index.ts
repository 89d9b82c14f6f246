export { createFilterService } from './filter-service';
export { NoveltyPool } from './novelty-pool';
