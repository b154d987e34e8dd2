"""The chat tab's scripts, run in the browser: citation links and popovers for the sources panel, and the
document view beside the chat that scrolls to its highlighted span."""

from __future__ import annotations

from assistant.app.common import OPEN_BUTTON_JS

# Citation links live in the chat, outside the sources panel: one document-wide listener (installed
# once) shows a popover with the quote on hover or tap, and forwards clicks to the panel's trigger.
SOURCES_JS = """
const fire = (key) => trigger('click', {key: key});
window.__assistantOpenCite = fire;
if (!window.__assistantCiteHandler) {
  window.__assistantCiteHandler = true;
  const pop = document.createElement('div');
  pop.id = 'cite-pop';
  pop.setAttribute('role', 'tooltip');
  document.body.appendChild(pop);
  let hideTimer = null;
  let shownAt = 0;
  const show = (link) => {
    const quote = link.dataset.quote || link.getAttribute('title') || '';
    if (link.getAttribute('title')) { link.dataset.quote = quote; link.removeAttribute('title'); }
    if (!quote) return;
    clearTimeout(hideTimer);
    shownAt = Date.now();
    pop.textContent = quote;
    pop.style.display = 'block';
    const r = link.getBoundingClientRect();
    const width = Math.min(360, window.innerWidth - 16);
    pop.style.maxWidth = width + 'px';
    pop.style.left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8)) + 'px';
    const below = r.bottom + 6;
    pop.style.top = (below + pop.offsetHeight > window.innerHeight ? r.top - pop.offsetHeight - 6 : below) + 'px';
  };
  const hide = () => { hideTimer = setTimeout(() => { pop.style.display = 'none'; }, 150); };
  const citeOf = (event) => event.target.closest ? event.target.closest('a.cite') : null;
  document.addEventListener('mouseover', (event) => { const l = citeOf(event); if (l) show(l); }, true);
  document.addEventListener('mouseout', (event) => { if (citeOf(event)) hide(); }, true);
  document.addEventListener('focusin', (event) => { const l = citeOf(event); if (l) show(l); }, true);
  document.addEventListener('focusout', (event) => { if (citeOf(event)) hide(); }, true);
  // a scroll hides it, but not the chat's own scroll right after a tap opened the sources
  window.addEventListener('scroll', () => { if (Date.now() - shownAt > 1500) pop.style.display = 'none'; }, true);
  document.addEventListener('click', (event) => {
    const link = event.target.closest ? event.target.closest('a[href^="#cite-"], a[href^="#rel-"]') : null;
    if (!link) { pop.style.display = 'none'; return; }
    event.preventDefault();
    event.stopPropagation();
    if (link.classList.contains('cite')) show(link);
    window.__assistantOpenCite(link.getAttribute('href').slice(1));
  }, true);
}
// After an update, bring the marked card into view inside the side panel only (never the page).
const reveal = () => {
  const card = element.querySelector('.src-card.active');
  const box = document.querySelector('#side-col');
  if (!card || !box || box.scrollHeight <= box.clientHeight) return;
  box.scrollTop += card.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
};
watch('value', () => setTimeout(reveal, 60));
""" + OPEN_BUTTON_JS
# The document view scrolls its own box to the highlighted span: the page and the chat stay put.
CHAT_DOC_JS = """
const show = () => {
  const mark = element.querySelector('mark.hl');
  const body = element.querySelector('.doc-body');
  if (mark && body) { body.scrollTop = Math.max(0, mark.offsetTop - body.clientHeight / 3); }
};
watch('value', () => setTimeout(show, 60));
setTimeout(show, 60);
"""
