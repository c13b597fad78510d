// Draws every chart on the page from the inert JSON spec next to it, with the Vega
// code this site serves itself. Until then the box shows the static SVG drawn at build
// time; a chart that fails keeps it and says so below it, never an empty space.
//
// The box is one image for assistive technology (role="img", the Norwegian description
// as its label); what Vega draws inside, with its English ARIA texts, is hidden from it.
//
// Charts follow the page: a single chart (width "container" in its spec) is drawn at
// the box's width; small multiples (a facet) get a cell width computed from it, in one
// column on narrow screens. A chart is redrawn when its box changes width (window, sidebar toggled) or
// when the reader switches between light and dark mode.
(function () {
  "use strict";
  var drawn = {}; // host id -> {view, width, dark}
  var pending = {}; // host id -> timer of a coming redraw

  function isDark() {
    return document.documentElement.getAttribute("data-theme") === "dark";
  }

  // Mirror of helpers.figures.layout.facet_cell_width().
  function cellWidth(width, columns, layout) {
    return Math.max(layout.min, Math.floor((width - columns * layout.akse - (columns - 1) * layout.mellom) / columns));
  }

  // slack: pixels a previous draw of these small multiples overflowed its box by (the
  // axis labels were wider than LAYOUT.akse allowed for); taken off the cells.
  function specFor(script, width, slack) {
    var spec = JSON.parse(script.textContent);
    var oslo = (spec.usermeta && spec.usermeta.oslo) || {};
    if (isDark() && oslo.dark) {
      spec.config = Object.assign({}, spec.config, oslo.dark);
    }
    var font = document.body && getComputedStyle(document.body).fontFamily;
    if (font) spec.config = Object.assign({}, spec.config, { font: font });
    if (!(width > 0)) return spec;
    if (spec.facet && spec.spec && oslo.layout) {
      var columns = width < oslo.layout.smal ? 1 : spec.columns || 1;
      spec.columns = columns;
      var cell = cellWidth(width, columns, oslo.layout) - Math.ceil((slack || 0) / columns);
      spec.spec = Object.assign({}, spec.spec, { width: Math.max(oslo.layout.min, cell) });
    } else if (spec.width === "container") {
      // What Vega-Lite would do for "container", but only across: with a discrete y
      // (bars) Vega-Lite's own "container" handling warns on every draw.
      spec.width = width;
      spec.autosize = { type: "fit-x", contains: "padding" };
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

  function draw(script, slack, attempt) {
    var host = document.getElementById(script.getAttribute("data-target"));
    if (!host) return;
    if (typeof window.vegaEmbed !== "function") {
      fail(host, new Error("Vega-koden ble ikke lastet"));
      return;
    }
    var width = host.clientWidth;
    var dark = isDark();
    var spec;
    try {
      spec = specFor(script, width, slack);
    } catch (err) {
      fail(host, err);
      return;
    }
    if (drawn[host.id] && drawn[host.id].view) drawn[host.id].view.finalize();
    var record = { view: null, width: width, dark: dark };
    drawn[host.id] = record;
    window.vegaEmbed(canvasOf(host), spec, { actions: false, renderer: "svg", tooltip: { theme: dark ? "dark" : "light" } })
      .then(function (result) {
        if (drawn[host.id] !== record) {  // a newer draw of this chart has started
          result.view.finalize();
          return;
        }
        record.view = result.view;
        var svg = host.querySelector(".oslo-vega svg");
        // Whatever ARIA Vega still writes (facet headers) is English and hidden anyway:
        // the box's Norwegian description is the one name.
        if (svg) {
          [svg].concat(Array.prototype.slice.call(svg.querySelectorAll("[aria-label], [role], [aria-roledescription]")))
            .forEach(function (el) {
              el.removeAttribute("aria-label");
              el.removeAttribute("role");
              el.removeAttribute("aria-roledescription");
            });
        }
        var over = svg ? parseFloat(svg.getAttribute("width")) - width : 0;
        // Narrow the cells by the overflow; axis labels can change with the width, so
        // measure again, a few times at most.
        if (spec.facet && over > 0 && (attempt || 0) < 4) {
          draw(script, (slack || 0) + over, (attempt || 0) + 1);
          return;
        }
        if (host.getAttribute("data-drawn") !== "true") {
          host.setAttribute("data-drawn", "true");  // CSS swaps the static image for the drawing
          // For the benchmark: when the last chart was ready, on the page's own clock.
          if (window.performance && performance.mark) performance.mark("oslo-drawn:" + host.id);
        }
        host.dispatchEvent(new CustomEvent("oslo:drawn", { bubbles: true }));
      })
      .catch(function (err) { fail(host, err); });
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

  function start() {
    scripts().forEach(function (s) { draw(s); });
    if (typeof ResizeObserver === "function") {
      var watcher = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) {
          var host = entry.target;
          var seen = drawn[host.id];
          // Heights change with every draw; only a new width means a new layout.
          if (seen && Math.abs(host.clientWidth - seen.width) >= 1) redrawSoon(host);
        });
      });
      scripts().forEach(function (s) {
        var host = document.getElementById(s.getAttribute("data-target"));
        if (host) watcher.observe(host);
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  // The theme switches colour mode by changing data-theme on <html> (also once at load,
  // from "auto" to what the system prefers); redraw the charts whose mode no longer matches.
  new MutationObserver(function (records) {
    if (!records.some(function (r) { return r.attributeName === "data-theme"; })) return;
    var dark = isDark();
    scripts().forEach(function (s) {
      var seen = drawn[s.getAttribute("data-target")];
      if (!seen || seen.dark !== dark) draw(s);
    });
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
})();
