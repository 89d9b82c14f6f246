// The pool view worker holds one project's rows and their search index, so searching, filtering
// and sorting 100k tasks never holds up the page.
import { expose } from 'comlink';
import { installFailureHandler } from '../src/lib/failure';
import { createPoolViewService } from '../src/lib/pool-view';

installFailureHandler();
expose(createPoolViewService());
