import './explore.css';
import {
  applyState,
  CHINESE_WORD_COLUMNS,
  defaultState,
  exploreCsv,
  FILTERS,
  parseState,
  serializeState,
  type Allowed,
  type ExploreState,
  type RowModel,
} from './state';

type Teardown = () => void;

interface Row {
  model: RowModel;
  element: HTMLTableRowElement;
}

function readRows(tbody: HTMLTableSectionElement): Row[] {
  return Array.from(tbody.rows).flatMap((element): Row[] => {
    try {
      return [{ model: JSON.parse(element.dataset.model ?? '') as RowModel, element }];
    } catch {
      return [];
    }
  });
}

/**
 * Sorting, filtering, search and shareable views over the prerendered table. The table itself is
 * the page without JavaScript; this only reorders and hides its rows.
 */
export function startExplorer(): Teardown {
  const main = document.querySelector<HTMLElement>('main.explore');
  const form = main?.querySelector<HTMLFormElement>('.explore-filters');
  const tbody = main?.querySelector<HTMLTableSectionElement>('.explore-table tbody');
  const status = main?.querySelector<HTMLElement>('.explore-status');
  if (!main || !form || !tbody || !status) return () => {};
  const lang = main.dataset.lang === 'en' ? 'en' : 'zh';
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-Hans-CN' : 'en', { numeric: true });
  const rows = readRows(tbody);
  const byId = new Map(rows.map((row) => [row.model.id, row]));
  const headers = Array.from(main.querySelectorAll<HTMLElement>('th[data-sort]'));
  const allowed: Allowed = {
    filters: Object.fromEntries(
      FILTERS.map((name) => [
        name,
        Array.from(form.querySelectorAll<HTMLOptionElement>(`select[name="${name}"] option`))
          .map((o) => o.value)
          .filter(Boolean),
      ]),
    ) as unknown as Allowed['filters'],
    sorts: headers.map((th) => th.dataset.sort ?? ''),
  };
  const shownTemplate = status.dataset.template ?? '';
  const total = rows.length;
  const format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { useGrouping: false });
  let state: ExploreState = parseState(location.search, allowed);
  let shown: Row[] = rows;

  const writeForm = () => {
    for (const name of FILTERS) {
      const select = form.elements.namedItem(name) as HTMLSelectElement | null;
      if (select) select.value = state.filters[name];
    }
    const q = form.elements.namedItem('q') as HTMLInputElement | null;
    if (q) q.value = state.q;
  };

  /** Filters, sorts and re-renders the table for the current state (synchronous: measured by scripts/bench-explore.ts). */
  const render = () => {
    const models = applyState(
      rows.map((row) => row.model),
      state,
      collator,
    );
    shown = models.map((model) => byId.get(model.id)!);
    const visible = new Set(shown);
    // Touch only what changes: a row's hidden flag, and the order only when the sort changed it.
    for (const row of rows) if (row.element.hidden === visible.has(row)) row.element.hidden = !visible.has(row);
    const order = Array.from(tbody.rows);
    const visibleOrder = order.filter((element) => !element.hidden);
    if (visibleOrder.length !== shown.length || visibleOrder.some((element, i) => element !== shown[i]!.element))
      tbody.append(...shown.map((row) => row.element));
    for (const th of headers)
      th.setAttribute(
        'aria-sort',
        th.dataset.sort === state.sort ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none',
      );
    status.textContent = shownTemplate
      .replace('{shown}', () => format.format(shown.length))
      .replace('{total}', () => format.format(total));
    main.querySelector<HTMLElement>('.explore-empty')!.hidden = shown.length > 0;
  };

  const commit = () => {
    const url = `${location.pathname}${serializeState(state)}${location.hash}`;
    history.replaceState(null, '', url);
    render();
  };

  const readForm = () => {
    const next = defaultState();
    for (const name of FILTERS)
      next.filters[name] = (form.elements.namedItem(name) as HTMLSelectElement | null)?.value ?? '';
    // Re-parsed like a URL, so the form can never hold a state a link could not.
    const q = (form.elements.namedItem('q') as HTMLInputElement | null)?.value ?? '';
    const checked = parseState(serializeState({ ...next, q, sort: state.sort, dir: state.dir }), allowed);
    state = checked;
    commit();
  };

  const onSort = (event: Event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button.sort-button');
    if (!button) return;
    const column = button.dataset.sort ?? '';
    state = { ...state, sort: column, dir: state.sort === column && state.dir === 'asc' ? 'desc' : 'asc' };
    commit();
  };

  /**
   * The view's rows as data, not as the table shows them: the raw fields of explore.json (value,
   * unit, bound, commitment, change and its unit, each quote in its own column), in the view's order.
   */
  const download = async (event: Event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-download]');
    if (!button) return;
    const source = main.querySelector<HTMLAnchorElement>('a[href$="explore.json"]');
    if (!source) return;
    const all = (await (await fetch(source.href)).json()) as {
      columns: string[];
      rows: Array<Record<string, unknown>>;
    };
    const byId = new Map(all.rows.map((row) => [String(row.id), row]));
    const records = shown
      .map((row) => byId.get(row.element.id))
      .filter((row): row is Record<string, unknown> => row !== undefined);
    const json = button.dataset.download === 'json';
    // The English view's download is English: the bound and commitment words in English (the `_en`
    // columns) in place of the report's Chinese ones; the Chinese quote stays, as the original.
    const english = document.documentElement.lang.startsWith('en');
    const dropped = new Set<string>(english ? CHINESE_WORD_COLUMNS : []);
    const columns = all.columns.filter((column) => !dropped.has(column));
    const blob = new Blob(
      [
        json
          ? JSON.stringify(
              {
                view: location.href,
                columns,
                rows: records.map((row) => Object.fromEntries(columns.map((column) => [column, row[column]]))),
              },
              null,
              2,
            )
          : exploreCsv(columns, records),
      ],
      { type: json ? 'application/json' : 'text/csv' },
    );
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `gaoping-2025-explore-view.${json ? 'json' : 'csv'}`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  /** /data/explore/#<id>: the row is shown (filters cleared if they hid it), scrolled to and highlighted. */
  const onHash = () => {
    for (const row of rows) row.element.classList.remove('is-target');
    let id: string;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return;
    }
    const row = byId.get(id);
    if (!row) return;
    if (row.element.hidden) {
      state = { ...defaultState(), sort: state.sort, dir: state.dir };
      writeForm();
      commit();
    }
    row.element.classList.add('is-target');
    row.element.scrollIntoView({ block: 'center' });
  };

  const onReset = () => {
    // The form's own reset runs first; read it afterwards.
    setTimeout(readForm, 0);
  };

  document.documentElement.classList.add('explore-js');
  writeForm();
  // The prerendered table is the default view: re-render only when the address asks for another.
  if (serializeState(state) !== '') render();
  onHash();
  // Every listener takes the one signal, so the teardown cannot miss one. (Written inline, not as a
  // shared helper: a module shared by entries becomes a chunk of its own, one more script per page.)
  const listeners = new AbortController();
  const { signal } = listeners;
  form.addEventListener('input', readForm, { signal });
  form.addEventListener('change', readForm, { signal });
  form.addEventListener('submit', (event) => event.preventDefault(), { signal });
  form.addEventListener('reset', onReset, { signal });
  main.addEventListener('click', onSort, { signal });
  main.addEventListener('click', download, { signal });
  window.addEventListener('hashchange', onHash, { signal });
  return () => listeners.abort();
}

startExplorer();
