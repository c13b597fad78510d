/* The two menus in the page header (run the chapter yourself, download the page), opened
   and closed without the theme's Bootstrap bundle (24 KB gzipped, for two menus and some
   tooltips; the tooltips are the buttons' own title attributes). The theme's stylesheet
   shows a menu after a button with the class "show". */
(() => {
  const TOGGLE = '[data-bs-toggle="dropdown"]';
  const menuOf = button => button.nextElementSibling;
  const setOpen = (button, open) => {
    button.classList.toggle('show', open);
    menuOf(button).classList.toggle('show', open);
    button.setAttribute('aria-expanded', String(open));
  };
  const current = () => document.querySelector(TOGGLE + '[aria-expanded="true"]');

  document.addEventListener('click', event => {
    const button = event.target.closest(TOGGLE);
    const open = current();
    if (open && open !== button && !menuOf(open).contains(event.target)) setOpen(open, false);
    if (button) setOpen(button, button.getAttribute('aria-expanded') !== 'true');
  });

  document.addEventListener('keydown', event => {
    const open = current();
    if (!open) return;
    const items = [...menuOf(open).querySelectorAll('.dropdown-item')];
    if (event.key === 'Escape') {
      setOpen(open, false);
      open.focus();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && items.length) {
      event.preventDefault();
      const at = items.indexOf(document.activeElement);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length].focus();
    }
  });

  // Tabbing out of a menu closes it, as it does with Bootstrap.
  document.addEventListener('focusin', event => {
    const open = current();
    if (open && !open.parentElement.contains(event.target)) setOpen(open, false);
  });
})();
