// Show or hide claim changes by kind. Without this script every change
// shows and the checkboxes stay hidden.
(function () {
  "use strict";
  var filter = document.querySelector("fieldset.filter");
  if (!filter) {
    return;
  }
  filter.hidden = false;
  filter.addEventListener("change", function (event) {
    var kind = event.target.getAttribute("data-kind");
    if (!kind) {
      return;
    }
    var items = document.querySelectorAll("li.change[data-kind='" + kind + "']");
    for (var i = 0; i < items.length; i++) {
      items[i].hidden = !event.target.checked;
    }
  });
})();
