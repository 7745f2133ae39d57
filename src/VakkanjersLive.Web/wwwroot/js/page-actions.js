// Buttons that print the page or reload it, without inline handlers (the Content-Security-Policy allows none):
// <button type="button" data-page-action="print|reload">.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-page-action]') : null;
  if (!button) {
    return;
  }
  if (button.dataset.pageAction === 'print') {
    window.print();
  } else if (button.dataset.pageAction === 'reload') {
    window.location.reload();
  }
});
