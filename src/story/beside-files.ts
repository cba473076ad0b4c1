/**
 * The files beside each story page that hold the parts of the page only its script uses, as inert
 * <template>s: fetched by the page script after start-up, so the first paint does not wait for them.
 */

/** The story's wide charts: fetched on wide screens only. */
export const WIDE_CHARTS_FILE = 'wide-charts.html';
/** The phone's chart groups, the town finder's entries and the figures' quotes: fetched once the script runs. */
export const SCRIPTED_PARTS_FILE = 'scripted-parts.html';
/** A file's last element: a file cut short in transit lacks it, and the page then keeps what it has. */
export const TEMPLATES_FILE_END = 'templates-file-end';
/** What a scripted part leaves in the page: an empty <template data-part="n"> where the part goes back. */
export const PART_ATTRIBUTE = 'data-part';
/** The templates the scripted-parts file takes out of a story page. */
export const SCRIPTED_PARTS_SELECTOR = 'template.chart-svg-group, template.town-entries, template#figure-sources';
