// The chart's tooltip, in place of vega-tooltip (a third of its size): the same element
// and classes (#vg-tooltip-element.vg-tooltip, .light-theme or .dark-theme, .visible; a
// table of td.key and td.value), written as text, never as HTML. Its style comes with it,
// so text pages carry none of it.
import {isArray, isObject} from 'vega-util';

const STYLE = '#vg-tooltip-element { visibility: hidden; position: fixed; z-index: 1000; padding: 6px 8px; max-width: 320px; font: 12px/1.35 system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial, sans-serif; border-radius: 3px; box-shadow: 2px 2px 4px rgba(0, 0, 0, 0.1); background: rgba(255, 255, 255, 0.96); border: 1px solid #d9d9d9; color: #222; pointer-events: none; } #vg-tooltip-element.visible { visibility: visible; } #vg-tooltip-element h2 { margin: 0 0 4px; font-size: 13px; } #vg-tooltip-element table { border-spacing: 0; } #vg-tooltip-element td { padding: 1px 0; vertical-align: top; } #vg-tooltip-element td.key { color: #555; text-align: right; padding-right: 6px; max-width: 150px; } #vg-tooltip-element td.value { text-align: left; } #vg-tooltip-element.dark-theme { background: rgba(32, 32, 32, 0.94); border-color: #777; color: #eee; } #vg-tooltip-element.dark-theme td.key { color: #c4c4c4; }';

function addStyle() {
  if (document.getElementById('oslo-tooltip-style')) return;
  const style = document.createElement('style');
  style.id = 'oslo-tooltip-style';
  style.textContent = STYLE;
  document.head.appendChild(style);
}

function text(value) {
  if (isArray(value)) return '[' + value.map(text).join(', ') + ']';
  if (isObject(value)) return JSON.stringify(value);
  return String(value);
}

export class Handler {
  constructor(options) {
    this.theme = (options && options.theme) || 'light';
    this.call = this.show.bind(this);
    addStyle();
  }

  show(handler, event, item, value) {
    let el = document.getElementById('vg-tooltip-element');
    if (!el) {
      el = document.createElement('div');
      el.id = 'vg-tooltip-element';
      el.setAttribute('aria-hidden', 'true');  // the chart's numbers are in its table
      document.body.appendChild(el);
    }
    el.className = 'vg-tooltip ' + this.theme + '-theme';
    if (value == null || value === '') return;
    el.textContent = '';
    if (isObject(value) && !isArray(value)) {
      const {title, ...rest} = value;
      if (title != null) {
        const h = document.createElement('h2');
        h.textContent = text(title);
        el.appendChild(h);
      }
      const table = document.createElement('table');
      for (const key of Object.keys(rest)) {
        if (rest[key] === undefined) continue;
        const row = table.insertRow();
        const k = row.insertCell();
        k.className = 'key';
        k.textContent = key;
        const v = row.insertCell();
        v.className = 'value';
        v.textContent = text(rest[key]);
      }
      el.appendChild(table);
    } else {
      el.textContent = text(value);
    }
    el.classList.add('visible');
    // Beside the pointer, inside the window.
    const gap = 10, box = el.getBoundingClientRect();
    let x = event.clientX + gap, y = event.clientY + gap;
    if (x + box.width > window.innerWidth) x = Math.max(0, event.clientX - gap - box.width);
    if (y + box.height > window.innerHeight) y = Math.max(0, event.clientY - gap - box.height);
    el.style.left = x + 'px';
    el.style.top = y + 'px';
  }
}
