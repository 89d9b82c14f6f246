// The generate port with an ear on each answer: the page counts tokens and call time from the
// results as they come, without reading the journal back after every call.
import type { CompletionResult, Generator } from '../vocabulary';

export function measuredGenerator(generator: Generator, onResult: (result: CompletionResult) => void): Generator {
  return {
    async complete(request, options) {
      const result = await generator.complete(request, options);
      onResult(result);
      return result;
    },
  };
}
