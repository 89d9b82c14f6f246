// The filter worker owns the ROUGE-L novelty index, so scoring a candidate against tens of
// thousands of instructions never blocks the page.
import { expose } from 'comlink';
import { installFailureHandler } from '../src/lib/failure';
import { createFilterService } from '../src/lib/novelty';

installFailureHandler();
expose(createFilterService());
