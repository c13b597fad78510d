// Makes the charts of a page interactive, one by one, when the reader comes near them.
//
// The box first shows the static SVG drawn at build time (also what stays without
// JavaScript and on paper). A chart is drawn live only when the reader scrolls it near the
// viewport (IntersectionObserver), or, for the charts already on screen when the page
// opens, on the reader's first interaction (a scroll, touch, click or key anywhere, or
// the pointer over the chart); then in idle time, one chart per idle slot. Nothing is
// drawn at load: the page is ready as soon as a text page is. The Vega runtime
// (oslo-vega-runtime.js: Vega's parser and view only, no compiler and no embedding
// library) is fetched and run only when a chart is wanted. The
// specs are Vega, compiled from Vega-Lite when the book was built
// (helpers.figures.figure.Figur.vega). A chart that
// fails keeps its image and says so below it, never an empty space.
//
// The box is one image for assistive technology (role="img", the Norwegian description
// as its label); what Vega draws inside, with its English ARIA texts, is hidden from it.
//
// Charts follow the page: a single chart is drawn at the box's width; small multiples
// get a cell width computed from it, in one column on narrow screens. A drawn chart is
// redrawn when its box changes width (window, sidebar toggled) or when the reader
// switches between light and dark mode.
(function () {
  "use strict";
  var drawn = {}; // host id -> {view, width, dark}
  var pending = {}; // host id -> timer of a coming redraw
  var wanted = {}; // host id -> true once the reader came near the chart
  var queued = [];
  var me = document.currentScript;
  var runtimeUrl = me && me.src ? me.src.replace(/oslo-vega-render\.js(\?.*)?$/, "oslo-vega-runtime.js") : null;
  var runtime = null; // a promise of window.osloVega

  function isDark() {
    return document.documentElement.getAttribute("data-theme") === "dark";
  }

  function loadRuntime() {
    if (runtime) return runtime;
    runtime = new Promise(function (resolve, reject) {
      if (window.osloVega) { resolve(window.osloVega); return; }
      if (!runtimeUrl) { reject(new Error("Vega-koden ble ikke funnet")); return; }
      var tag = document.createElement("script");
      tag.src = runtimeUrl;
      tag.async = true;
      tag.onload = function () {
        if (window.osloVega) resolve(window.osloVega); else reject(new Error("Vega-koden ble ikke lastet"));
      };
      tag.onerror = function () { reject(new Error("Vega-koden ble ikke lastet")); };
      document.head.appendChild(tag);
    });
    return runtime;
  }

  var idle = window.requestIdleCallback
    ? function (fn) { window.requestIdleCallback(fn, { timeout: 1500 }); }
    : function (fn) { setTimeout(fn, 1); };

  // Mirror of helpers.figures.layout.facet_cell_width().
  function cellWidth(width, columns, layout) {
    return Math.max(layout.min, Math.floor((width - columns * layout.akse - (columns - 1) * layout.mellom) / columns));
  }

  function setPath(obj, path, value) {
    for (var i = 0; i < path.length - 1; i++) obj = obj[path[i]];
    obj[path[path.length - 1]] = value;
  }

  // slack: pixels a previous draw of these small multiples overflowed its box by (the
  // axis labels were wider than LAYOUT.akse allowed for); taken off the cells.
  // height: the box's height when the live chart first replaces the picture; a single
  // chart is fitted into it, so the page does not move (small multiples are as tall as
  // their picture already).
  function specFor(script, width, slack, height) {
    var spec = JSON.parse(script.textContent);
    var oslo = (spec.usermeta && spec.usermeta.oslo) || {};
    if (isDark()) {
      if (oslo.mork_spec) spec = oslo.mork_spec;
      else (oslo.mork || []).forEach(function (change) { setPath(spec, change[0], change[1]); });
    }
    if (!(width > 0)) return spec;
    if (oslo.kolonner && oslo.layout && spec.layout) {
      var columns = width < oslo.layout.smal ? 1 : oslo.kolonner;
      spec.layout.columns = columns;
      var cell = cellWidth(width, columns, oslo.layout) - Math.ceil((slack || 0) / columns);
      (spec.signals || []).forEach(function (s) {
        if (s.name === "child_width") s.value = Math.max(oslo.layout.min, cell);
      });
    } else if (!oslo.kolonner) {
      // Compiled with autosize fit-x: the whole chart, axes included, fills the width.
      spec.width = width;
      if (height > 0) {
        spec.height = height;
        spec.autosize = { type: "fit", contains: "padding" };
      }
    }
    return spec;
  }

  function fail(host, err) {
    host.classList.add("oslo-chart-feil");
    // The static image comes back in place of a half-drawn or stale drawing.
    host.removeAttribute("data-drawn");
    var canvas = host.querySelector(".oslo-vega");
    if (canvas) canvas.textContent = "";
    var message = host.nextElementSibling;
    if (!message || !message.classList.contains("oslo-feilmelding")) {
      message = document.createElement("p");
      message.className = "oslo-feilmelding";
      host.parentNode.insertBefore(message, host.nextSibling);
    }
    message.textContent = "Den interaktive figuren kunne ikke tegnes, her er den som bilde (" +
      (err && err.message ? err.message : err) + ").";
    console.error("Figur " + host.id + " feilet:", err);
  }

  // The element Vega draws into, beside the static image in the box.
  function canvasOf(host) {
    var canvas = host.querySelector(".oslo-vega");
    if (!canvas) {
      canvas = document.createElement("div");
      canvas.className = "oslo-vega";
      canvas.setAttribute("aria-hidden", "true");
      host.appendChild(canvas);
    }
    return canvas;
  }

  function hideAria(svg) {
    // Whatever ARIA Vega still writes (facet headers) is English and hidden anyway:
    // the box's Norwegian description is the one name.
    [svg].concat(Array.prototype.slice.call(svg.querySelectorAll("[aria-label], [role], [aria-roledescription]")))
      .forEach(function (el) {
        el.removeAttribute("aria-label");
        el.removeAttribute("role");
        el.removeAttribute("aria-roledescription");
      });
  }

  function draw(script, slack, attempt) {
    var host = document.getElementById(script.getAttribute("data-target"));
    if (!host) return;
    loadRuntime().then(function (vega) {
      var width = host.clientWidth;
      var dark = isDark();
      var picture = host.querySelector("picture");
      var height = drawn[host.id] ? drawn[host.id].height
        : (picture && picture.getBoundingClientRect().height) || 0;
      var spec = specFor(script, width, slack, Math.round(height));
      if (drawn[host.id] && drawn[host.id].view) drawn[host.id].view.finalize();
      var record = { view: null, width: width, dark: dark, height: height };
      drawn[host.id] = record;
      var view = new vega.View(vega.parse(spec), { renderer: "svg", container: canvasOf(host), hover: true });
      view.tooltip(new vega.Handler({ theme: dark ? "dark" : "light" }).call);
      return view.runAsync().then(function () {
        if (drawn[host.id] !== record) {  // a newer draw of this chart has started
          view.finalize();
          return;
        }
        record.view = view;
        var svg = host.querySelector(".oslo-vega svg");
        if (svg) hideAria(svg);
        var over = svg ? parseFloat(svg.getAttribute("width")) - width : 0;
        // Narrow the cells by the overflow; axis labels can change with the width, so
        // measure again, a few times at most.
        if (spec.layout && spec.layout.columns && over > 0 && (attempt || 0) < 4) {
          draw(script, (slack || 0) + over, (attempt || 0) + 1);
          return;
        }
        if (host.getAttribute("data-drawn") !== "true") {
          host.setAttribute("data-drawn", "true");  // CSS swaps the static image for the drawing
          // For the benchmark: when the chart was ready, on the page's own clock.
          if (window.performance && performance.mark) performance.mark("oslo-drawn:" + host.id);
        }
        host.dispatchEvent(new CustomEvent("oslo:drawn", { bubbles: true }));
      });
    }).catch(function (err) { fail(host, err); });
  }

  function scripts() {
    return Array.prototype.slice.call(document.querySelectorAll("script.oslo-vega-spec"));
  }

  function scriptFor(host) {
    return scripts().filter(function (s) { return s.getAttribute("data-target") === host.id; })[0];
  }

  function redrawSoon(host) {
    clearTimeout(pending[host.id]);
    pending[host.id] = setTimeout(function () {
      var script = scriptFor(host);
      if (script) draw(script);
    }, 150);
  }

  // One chart per idle slot: the page stays responsive while charts come alive.
  function drainQueue() {
    var script = queued.shift();
    if (!script) return;
    draw(script);
    if (queued.length) idle(drainQueue);
  }

  function want(host) {
    if (!host || wanted[host.id]) return;
    wanted[host.id] = true;
    var script = scriptFor(host);
    if (!script) return;
    loadRuntime().catch(function () {});  // fetch the runtime while waiting for idle time
    queued.push(script);
    if (queued.length === 1) idle(drainQueue);
  }

  var MARGIN = 300; // px above and below the viewport that count as near

  function isNear(host) {
    var box = host.getBoundingClientRect();
    return box.bottom > -MARGIN && box.top < window.innerHeight + MARGIN;
  }

  function start() {
    var hosts = scripts().map(function (s) { return document.getElementById(s.getAttribute("data-target")); })
      .filter(Boolean);
    hosts.forEach(function (host) {
      // Pointing at, touching or tabbing into a chart draws it at once, wherever it is.
      ["pointerenter", "touchstart", "focusin"].forEach(function (type) {
        host.addEventListener(type, function () { want(host); }, { once: true, passive: true });
      });
    });
    // The reader's first interaction: the charts near the screen then come alive.
    var interacted = false;
    function firstInteraction() {
      if (interacted) return;
      interacted = true;
      ["scroll", "wheel", "pointerdown", "touchstart", "keydown"].forEach(function (type) {
        window.removeEventListener(type, firstInteraction, true);
      });
      hosts.filter(isNear).forEach(want);
    }
    ["scroll", "wheel", "pointerdown", "touchstart", "keydown"].forEach(function (type) {
      window.addEventListener(type, firstInteraction, { capture: true, passive: true });
    });
    if (typeof IntersectionObserver === "function") {
      var first = true;
      var near = new IntersectionObserver(function (entries) {
        // The first report is the page as it opens: those charts wait for an interaction.
        var opening = first;
        first = false;
        entries.forEach(function (entry) {
          if (entry.isIntersecting && (!opening || interacted)) {
            near.unobserve(entry.target);
            want(entry.target);
          }
        });
      }, { rootMargin: MARGIN + "px 0px" });
      hosts.forEach(function (host) { near.observe(host); });
    } else {
      hosts.forEach(want);
    }
    // The runtime is fetched when the first chart is wanted, not before: a prefetch at load
    // cost the page's largest paint more on a slow network (measured with Lighthouse)
    // than it saved the first interaction.
    if (typeof ResizeObserver === "function") {
      var watcher = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) {
          var host = entry.target;
          var seen = drawn[host.id];
          // Heights change with every draw; only a new width means a new layout.
          if (seen && seen.view && Math.abs(host.clientWidth - seen.width) >= 1) redrawSoon(host);
        });
      });
      hosts.forEach(function (host) { watcher.observe(host); });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  // The theme switches colour mode by changing data-theme on <html> (also once at load,
  // from "auto" to what the system prefers); redraw the drawn charts whose mode no longer
  // matches.
  new MutationObserver(function (records) {
    if (!records.some(function (r) { return r.attributeName === "data-theme"; })) return;
    var dark = isDark();
    scripts().forEach(function (s) {
      var seen = drawn[s.getAttribute("data-target")];
      if (seen && seen.dark !== dark) draw(s);
    });
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
})();
