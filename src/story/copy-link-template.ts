/** The id of the page's one template of a chart's "copy link" bar: written by the build, read by the page script. */
export const COPY_LINK_TEMPLATE = 'copy-link-template';
