export { TabCoordinator, type LockManagerLike, type RunNews } from './tab-coordinator';
export { PoolNewsChannel, type PoolNews } from './pool-news';
