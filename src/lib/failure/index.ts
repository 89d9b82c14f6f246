export { describeError, FailureError, failureOf } from './failure-error';
export { installFailureHandler } from './failure-transfer';
