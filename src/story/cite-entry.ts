// The /data/ pages' only script: the "cite this" box's copy button.
import { setupCiteCopy } from '../figure/cite';

setupCiteCopy(document);
