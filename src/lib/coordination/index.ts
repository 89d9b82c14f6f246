export { TabCoordinator, type LockManagerLike, type RunNews } from './tab-coordinator';
