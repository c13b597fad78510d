// Search snippets from the article only. Sphinx takes the text of [role=main], which in
// this theme also holds the page's buttons, the print table of contents, figure downloads
// and the previous/next links.
(() => {
  if (typeof Search === "undefined") return;
  const original = Search.htmlToText;
  const furniture = "details, table, noscript, [aria-hidden='true'], p:has(> a[download])";
  Search.htmlToText = (htmlString, anchor) => {
    const doc = new DOMParser().parseFromString(htmlString, "text/html");
    const article = doc.querySelector("article.bd-article");
    if (!article) return original(htmlString, anchor);
    doc.querySelectorAll("[role='main']").forEach((el) => el.removeAttribute("role"));
    article.setAttribute("role", "main");
    article.querySelectorAll(furniture).forEach((el) => el.remove());
    return original(doc.documentElement.outerHTML, anchor);
  };
})();
