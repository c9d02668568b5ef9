/**
 * The board's filters, kept in the browser's localStorage so they are there the next time the DPO
 * opens the tab (also after Teams restarts). A stored value that is not a filter is dropped.
 */
import { useEffect, useState } from 'react';
import { NO_FILTERS, type BoardFilters } from './board-view';

const FILTERS_KEY = 'pui-desk.board-filters';

export interface KeptFilters {
  filters: BoardFilters;
  showClosed: boolean;
}

function read(): KeptFilters {
  try {
    const raw = window.localStorage.getItem(FILTERS_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<BoardFilters> & { showClosed?: unknown }) : {};
    const filters = { ...NO_FILTERS };
    for (const key of Object.keys(NO_FILTERS) as (keyof BoardFilters)[]) {
      if (typeof parsed[key] === 'string') (filters as Record<string, string>)[key] = parsed[key] as string;
    }
    return { filters, showClosed: parsed.showClosed === true };
  } catch (error) {
    console.warn('PUI Desk: the board filters could not be restored.', error);
    return { filters: NO_FILTERS, showClosed: false };
  }
}

/** The filters and "show closed", restored on mount and kept on every change. */
export function useBoardFilters() {
  const [kept, setKept] = useState<KeptFilters>(read);
  useEffect(() => {
    try {
      window.localStorage.setItem(FILTERS_KEY, JSON.stringify({ ...kept.filters, showClosed: kept.showClosed }));
    } catch (error) {
      console.warn('PUI Desk: the board filters cannot be kept.', error);
    }
  }, [kept]);
  return {
    ...kept,
    set: <K extends keyof BoardFilters>(key: K, value: BoardFilters[K]) =>
      setKept((k) => ({ ...k, filters: { ...k.filters, [key]: value } })),
    setShowClosed: (showClosed: boolean) => setKept((k) => ({ ...k, showClosed })),
    clear: () => setKept((k) => ({ ...k, filters: NO_FILTERS })),
  };
}
