// Draws every chart on the page from the inert JSON spec next to it, with the Vega
// code this site serves itself. A chart that fails shows a visible message in its
// box (which already has the vega-embed class), never an empty space.
(function () {
  "use strict";
  var views = {};

  function isDark() {
    return document.documentElement.getAttribute("data-theme") === "dark";
  }

  function specFor(script) {
    var spec = JSON.parse(script.textContent);
    var dark = spec.usermeta && spec.usermeta.oslo && spec.usermeta.oslo.dark;
    if (isDark() && dark) {
      spec = Object.assign({}, spec, { config: Object.assign({}, spec.config, dark) });
    }
    return spec;
  }

  function fail(host, err) {
    host.classList.add("oslo-chart-feil");
    host.textContent = "Figuren kunne ikke tegnes: " + (err && err.message ? err.message : err);
    console.error("Figur " + host.id + " feilet:", err);
  }

  function draw(script) {
    var host = document.getElementById(script.getAttribute("data-target"));
    if (!host) return;
    host.classList.add("vega-embed");
    if (typeof window.vegaEmbed !== "function") {
      fail(host, new Error("Vega-koden ble ikke lastet"));
      return;
    }
    if (views[host.id]) views[host.id].finalize();
    var spec;
    try {
      spec = specFor(script);
    } catch (err) {
      fail(host, err);
      return;
    }
    window.vegaEmbed(host, spec, { actions: false, renderer: "svg", tooltip: { theme: isDark() ? "dark" : "light" } })
      .then(function (result) {
        views[host.id] = result.view;
        host.setAttribute("data-drawn", "true");
        host.dispatchEvent(new CustomEvent("oslo:drawn", { bubbles: true }));
      })
      .catch(function (err) { fail(host, err); });
  }

  function drawAll() {
    document.querySelectorAll("script.oslo-vega-spec").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
  // The theme switches colour mode by changing data-theme on <html>; redraw to match.
  new MutationObserver(function (records) {
    if (records.some(function (r) { return r.attributeName === "data-theme"; })) drawAll();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
})();
