/**
 * The timeline: a histogram of articles per day (per week over long spans) above the date fields, and a Play
 * button that grows the graph over time: the end date steps through the buckets from the first to the last.
 */
import { el } from './dom.js';

export interface Bucket {
  /** First and last day of the bucket (YYYY-MM-DD). */
  start: string;
  end: string;
  articles: number;
}

/** Spans longer than this many days are counted per week. */
const DAILY_UP_TO_DAYS = 120;
/** Time between two steps of Play. */
const PLAY_STEP_MS = 700;

const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fromDay = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function buckets(days: Iterable<string>, min: string, max: string): Bucket[] {
  const span = Math.round((fromDay(max) - fromDay(min)) / DAY_MS) + 1;
  const width = span > DAILY_UP_TO_DAYS ? 7 : 1;
  const count = Math.ceil(span / width);
  const list: Bucket[] = Array.from({ length: count }, (_, i) => {
    const start = fromDay(min) + i * width * DAY_MS;
    return { start: toDay(start), end: toDay(Math.min(fromDay(max), start + (width - 1) * DAY_MS)), articles: 0 };
  });
  for (const day of days) {
    const index = Math.floor((fromDay(day) - fromDay(min)) / DAY_MS / width);
    const bucket = list[index];
    if (bucket) bucket.articles++;
  }
  return list;
}

export interface TimelineApi {
  /** Sets the date range and redraws. */
  setRange(from: string | null, to: string | null): void;
}

export interface Timeline {
  root: HTMLElement;
  /** Marks the buckets inside the current range. */
  update(from: string | null, to: string | null): void;
  playing(): boolean;
  stop(): void;
}

export function createTimeline(list: Bucket[], api: TimelineApi): Timeline {
  const most = Math.max(1, ...list.map((b) => b.articles));
  const bars = el('div', {
    className: 'histogram',
    attrs: {
      role: 'group',
      'aria-label': `Articles per ${list.length > 1 && list[0]!.start !== list[0]!.end ? 'week' : 'day'}`,
    },
  });
  const barNodes = list.map((bucket) => {
    const bar = el('button', {
      className: 'bar',
      attrs: {
        type: 'button',
        'aria-label': `${bucket.start === bucket.end ? bucket.start : `${bucket.start} to ${bucket.end}`}: ${bucket.articles} articles`,
      },
    });
    bar.style.height = `${Math.max(2, Math.round((bucket.articles / most) * 100))}%`;
    bar.title = bar.getAttribute('aria-label') ?? '';
    // A bar shows its own period; the date fields widen it again.
    bar.addEventListener('click', () => api.setRange(bucket.start, bucket.end));
    bars.appendChild(bar);
    return bar;
  });
  const play = el('button', {
    className: 'button small',
    text: '▶ Play',
    attrs: { type: 'button', 'aria-label': 'Play timeline', 'aria-pressed': 'false' },
  });
  let timer: ReturnType<typeof setInterval> | null = null;
  let step = 0;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    play.textContent = '▶ Play';
    play.setAttribute('aria-label', 'Play timeline');
    play.setAttribute('aria-pressed', 'false');
  };
  const advance = () => {
    const bucket = list[step];
    if (!bucket) return stop();
    api.setRange(null, bucket.end);
    step++;
    if (step >= list.length) stop();
  };
  play.addEventListener('click', () => {
    if (timer) return stop();
    step = 0;
    play.textContent = '❚❚ Pause';
    play.setAttribute('aria-label', 'Pause timeline');
    play.setAttribute('aria-pressed', 'true');
    advance();
    if (step < list.length) timer = setInterval(advance, PLAY_STEP_MS);
  });
  const root = el('div', { className: 'timeline' }, [bars, el('div', { className: 'row' }, [play])]);
  return {
    root,
    update(from, to) {
      list.forEach((bucket, i) => {
        barNodes[i]!.classList.toggle(
          'out',
          (from !== null && bucket.end < from) || (to !== null && bucket.start > to),
        );
      });
    },
    playing: () => timer !== null,
    stop,
  };
}
