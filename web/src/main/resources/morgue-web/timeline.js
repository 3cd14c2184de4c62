// The timeline above the results: one SVG bar per period of the search response's `timeline`.
// Everything is built with createElementNS and setAttribute (the CSP forbids inline styles), and
// keys are the only text taken from the response, always as text nodes.
//
// A click on a bar, or a drag across bars, reports the chosen periods through onSelect(firstKey,
// lastKey); the URL and the search belong to app.js. Keyboard: the bars are one tab stop (roving
// tabindex), arrows and Home/End move between bars, Enter or Space selects, and Shift+arrows
// extend a range from the bar where Shift was first held.

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 120;
const PLOT_TOP = 18;
const PLOT_BOTTOM = 96;
const LABELS = 6;

function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

function countText(key, count) {
  return `${key}: ${count.toLocaleString()} article${count === 1 ? '' : 's'}`;
}

/**
 * Binds a timeline to its plot element inside `frame` (hidden when no match is dated);
 * render() redraws it from a response's timeline.
 */
export function createTimeline(frame, root, { onSelect }) {
  let buckets = [];
  let interval = 'year';
  let focusIndex = 0;
  let anchor = null; // index where a drag or a Shift+arrow range started
  let dragging = false;
  let plot = null;

  function render(timeline) {
    buckets = timeline?.buckets ?? [];
    interval = timeline?.interval ?? 'year';
    const dated = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
    // Shown before drawing: a hidden plot has no width to measure.
    frame.hidden = dated === 0;
    if (dated === 0) {
      root.replaceChildren();
      return;
    }
    focusIndex = Math.min(focusIndex, buckets.length - 1);
    draw();
  }

  function draw() {
    const hadFocus = root.contains(document.activeElement);
    // Drawn at the container's own pixel width so labels keep their size on a phone.
    const width = Math.max(root.clientWidth || 600, 200);
    const step = width / buckets.length;
    const gap = step > 6 ? Math.min(2, step * 0.2) : 0;
    const max = Math.max(...buckets.map((bucket) => bucket.count), 1);
    const plotHeight = PLOT_BOTTOM - PLOT_TOP;

    const bars = buckets.map((bucket, index) => {
      const height = bucket.count === 0 ? 0 : Math.max(2, (bucket.count / max) * plotHeight);
      const x = index * step;
      const group = svg('g', {
        class: bucket.count === 0 ? 'bar bar-empty' : 'bar',
        role: 'button',
        tabindex: index === focusIndex ? 0 : -1,
        'aria-label': countText(bucket.key, bucket.count),
      }, [
        svg('title', {}, [countText(bucket.key, bucket.count)]),
        // A full-height, transparent target: short bars stay easy to hit.
        svg('rect', { class: 'bar-target', x, y: PLOT_TOP, width: step, height: plotHeight }),
        svg('rect', { class: 'bar-fill', x: x + gap / 2, y: PLOT_BOTTOM - height, width: Math.max(step - gap, 0.5), height }),
      ]);
      group.dataset.index = String(index);
      group.dataset.key = bucket.key;
      group.addEventListener('keydown', onKey);
      group.addEventListener('focus', () => {
        focusIndex = index;
      });
      return group;
    });

    plot = svg('g', { class: 'bars' }, bars);
    const labels = axisLabels(step);
    const chart = svg('svg', {
      class: 'timeline-chart',
      width,
      height: HEIGHT,
      viewBox: `0 0 ${width} ${HEIGHT}`,
      role: 'group',
      'aria-label': `Matches per ${interval}, ${buckets[0].key} to ${buckets[buckets.length - 1].key}. Choose a bar to show only that ${interval}.`,
    }, [
      svg('line', { class: 'axis', x1: 0, x2: width, y1: PLOT_BOTTOM + 0.5, y2: PLOT_BOTTOM + 0.5 }),
      plot,
      labels,
      svg('text', { class: 'axis-max', x: 2, y: 11, 'aria-hidden': 'true' }, [`max ${max.toLocaleString()}`]),
    ]);
    chart.addEventListener('pointerdown', onPointerDown);
    chart.addEventListener('pointermove', onPointerMove);
    chart.addEventListener('pointerup', onPointerUp);
    chart.addEventListener('pointercancel', cancelDrag);
    root.replaceChildren(chart);
    if (hadFocus) bars[focusIndex]?.focus();
  }

  function axisLabels(step) {
    const every = Math.max(1, Math.ceil(buckets.length / LABELS));
    const labels = [];
    for (let index = 0; index < buckets.length; index += every) {
      const anchorAttr = index === 0 ? 'start' : 'middle';
      const x = index === 0 ? 0 : index * step + step / 2;
      labels.push(svg('text', { class: 'axis-label', x, y: HEIGHT - 6, 'text-anchor': anchorAttr }, [buckets[index].key]));
    }
    return svg('g', { 'aria-hidden': 'true' }, labels);
  }

  // ---- Pointer: press on a bar, drag across others, release to select ----

  function indexAt(event) {
    const rect = event.currentTarget.getBoundingClientRect();
    const index = Math.floor(((event.clientX - rect.left) / rect.width) * buckets.length);
    return Math.min(Math.max(index, 0), buckets.length - 1);
  }

  function onPointerDown(event) {
    if (event.button !== 0) return;
    event.preventDefault();
    dragging = true;
    anchor = indexAt(event);
    event.currentTarget.setPointerCapture?.(event.pointerId);
    highlight(anchor, anchor);
  }

  function onPointerMove(event) {
    if (!dragging) return;
    highlight(anchor, indexAt(event));
  }

  function onPointerUp(event) {
    if (!dragging) return;
    const end = indexAt(event);
    const start = anchor;
    cancelDrag();
    select(start, end);
  }

  function cancelDrag() {
    dragging = false;
    anchor = null;
    highlight(-1, -1);
  }

  function highlight(a, b) {
    const [low, high] = a <= b ? [a, b] : [b, a];
    for (const bar of plot?.children ?? []) {
      const index = Number(bar.dataset.index);
      bar.classList.toggle('bar-selecting', index >= low && index <= high);
    }
  }

  function select(a, b) {
    const [low, high] = a <= b ? [a, b] : [b, a];
    if (!buckets[low] || !buckets[high]) return;
    onSelect(buckets[low].key, buckets[high].key);
  }

  // ---- Keyboard ----

  function onKey(event) {
    const index = Number(event.currentTarget.dataset.index);
    let next = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowUp') next = Math.min(index + 1, buckets.length - 1);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') next = Math.max(index - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buckets.length - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const start = anchor ?? index;
      anchor = null;
      select(start, index);
      return;
    } else if (event.key === 'Escape' && anchor !== null) {
      event.stopPropagation();
      cancelDrag();
      return;
    }
    if (next === null) return;
    event.preventDefault();
    if (event.shiftKey) {
      if (anchor === null) anchor = index;
      highlight(anchor, next);
    } else if (anchor !== null) {
      cancelDrag();
    }
    moveFocus(next);
  }

  function moveFocus(index) {
    const bars = plot.children;
    bars[focusIndex]?.setAttribute('tabindex', '-1');
    focusIndex = index;
    bars[index].setAttribute('tabindex', '0');
    bars[index].focus();
  }

  // Redraw at the new width; the buckets are unchanged, so no new request.
  let resizeTimer = null;
  new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (!frame.hidden && buckets.length > 0 && Number(root.firstChild?.getAttribute('width')) !== root.clientWidth) draw();
    }, 100);
  }).observe(root);

  return { render };
}
