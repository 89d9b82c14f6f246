export { applyAction, type ActionContext } from './apply-action';
export { describeAction } from './describe-action';
export { inNoveltyPool, noveltyChanges } from './novelty-changes';
