/** The story's wide charts, beside each story page: fetched by the page script on wide screens only. */
export const WIDE_CHARTS_FILE = 'wide-charts.html';
/** The file's last element: a file cut short in transit lacks it, and the page then keeps its charts. */
export const WIDE_CHARTS_END = 'wide-charts-end';
