// /embed/loader.js: the small script in every embed code. A classic script with no imports,
// so it runs from any host page without CORS.
import { observeAllEmbeds } from './host';

observeAllEmbeds();
