export { NoveltyPool } from './novelty-pool';
