export { TabCoordinator, type LockManagerLike, type RunNews } from './tab-coordinator';
export { NewsChannel } from './news-channel';
export { POOL_NEWS, type PoolNews } from './pool-news';
export { JUDGE_NEWS, type JudgeNews } from './judge-news';
