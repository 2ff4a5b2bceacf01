// Keeps what a clinician typed in a long form (those marked data-keep, whose value is the
// question to ask): Enter in a one-line field moves to the next field instead of sending
// the form, and leaving a changed form (the language switch, another form, a link, closing
// the tab) asks first. Without scripts the forms are plain forms and work as such.
(function () {
  'use strict';
  var changed = null;

  document.addEventListener('input', function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute('data-keep')) changed = form;
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!changed || form === changed) {
      changed = null;
      return;
    }
    if (window.confirm(changed.getAttribute('data-keep'))) {
      changed = null;
    } else {
      event.preventDefault();
    }
  }, true);

  window.addEventListener('beforeunload', function (event) {
    if (changed) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  document.addEventListener('keydown', function (event) {
    var field = event.target;
    if (event.key !== 'Enter' || field.tagName !== 'INPUT' || !field.form) return;
    if (!field.form.hasAttribute('data-keep')) return;
    if (['submit', 'button', 'checkbox', 'radio'].indexOf(field.type) >= 0) return;
    event.preventDefault();
    var fields = Array.prototype.filter.call(field.form.elements, function (f) {
      return !f.disabled && f.type !== 'hidden' && f.tabIndex >= 0;
    });
    var next = fields[fields.indexOf(field) + 1];
    if (next) next.focus();
  });
})();
