// The chart's tooltip, in place of vega-tooltip (a third of its size): the same element
// and classes (#vg-tooltip-element.vg-tooltip, .light-theme or .dark-theme, .visible; a
// table of td.key and td.value), written as text, never as HTML. oslo-figur.css styles it.
import {isArray, isObject} from 'vega-util';

function text(value) {
  if (isArray(value)) return '[' + value.map(text).join(', ') + ']';
  if (isObject(value)) return JSON.stringify(value);
  return String(value);
}

export class Handler {
  constructor(options) {
    this.theme = (options && options.theme) || 'light';
    this.call = this.show.bind(this);
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
