/* Numbers in the text that open to show where they come from (helpers.site.tallpanel).
   Without this script each number is a link to its item in «Tallene i kapitlet» at the
   end of the page. With it the link becomes a button that opens the same content in a
   panel by the number: Enter, Space or a click opens it, Esc or a click elsewhere closes
   it and focus goes back to the number. One panel at a time; it stays while the pointer
   or focus is on it, and it is placed inside the viewport. */
(() => {
  const panel = document.createElement('div');
  panel.id = 'oslo-tallpanel';
  panel.className = 'oslo-tallpanel';
  panel.setAttribute('role', 'dialog');
  panel.tabIndex = -1;
  panel.hidden = true;
  let open = null;

  const close = (refocus) => {
    if (!open) return;
    const button = open;
    open = null;
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  };

  const place = button => {
    const r = button.getBoundingClientRect();
    const w = Math.min(400, document.documentElement.clientWidth - 16);
    panel.style.width = w + 'px';
    const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - w - 8));
    panel.style.left = left + window.scrollX + 'px';
    panel.style.top = r.bottom + window.scrollY + 6 + 'px';
    const below = window.innerHeight - r.bottom - 14;
    const above = r.top - 14;
    const h = panel.offsetHeight;
    if (h > below && above > below) {
      panel.style.maxHeight = above + 'px';
      panel.style.top = r.top + window.scrollY - Math.min(h, above) - 6 + 'px';
    } else {
      panel.style.maxHeight = Math.max(below, 120) + 'px';
    }
  };

  const show = button => {
    if (open === button) return close(true);
    close(false);
    const item = document.getElementById(button.dataset.tall + '-forklart');
    const content = item && item.querySelector('.oslo-tall-innhold');
    if (!content) return;
    panel.replaceChildren(content.cloneNode(true));
    const closer = document.createElement('button');
    closer.type = 'button';
    closer.className = 'oslo-tallpanel-lukk';
    closer.textContent = 'Lukk';
    closer.addEventListener('click', () => close(true));
    panel.append(closer);
    panel.setAttribute('aria-label', 'Om tallet ' + button.textContent);
    open = button;
    button.setAttribute('aria-expanded', 'true');
    panel.hidden = false;
    place(button);
    panel.focus();
  };

  for (const link of document.querySelectorAll('a.oslo-tall')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'oslo-tall';
    button.id = link.id;
    button.dataset.tall = link.dataset.tall;
    button.textContent = link.textContent;
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', panel.id);
    button.setAttribute('aria-haspopup', 'dialog');
    button.addEventListener('click', () => show(button));
    link.replaceWith(button);
  }
  document.body.append(panel);

  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && open) close(true);
  });
  document.addEventListener('click', event => {
    if (open && !panel.contains(event.target) && !event.target.closest('button.oslo-tall')) close(false);
  });
  window.addEventListener('resize', () => open && place(open));

  // A shared link to a number (#tall-…) opens its panel.
  const target = location.hash && document.getElementById(location.hash.slice(1));
  if (target && target.matches('button.oslo-tall')) {
    target.scrollIntoView({block: 'center'});
    show(target);
  }
})();
