/* The alert form (/varsel/ and the manage page), when scripts run: ticking a topic, issuer, article
   or measure unticks «Alle vesentlige endringer» at once and says so (issue 28). Without scripts the
   server does the same when the form is sent (alerts.forms.AlertChoicesForm.clean). */
(function () {
  "use strict";
  var everything = document.getElementById("id_everything");
  var status = document.getElementById("alle-status");
  if (!everything || !status || !everything.form) return;
  var specific = function (box) {
    return box.type === "checkbox" && box !== everything && box.name !== "everything";
  };
  var anySpecific = function () {
    return Array.prototype.some.call(everything.form.elements, function (box) { return specific(box) && box.checked; });
  };
  everything.form.addEventListener("change", function (event) {
    var box = event.target;
    if (specific(box) && box.checked && everything.checked) {
      everything.checked = false;
      status.textContent = status.getAttribute("data-dropped");
    } else if (box === everything && everything.checked && anySpecific()) {
      status.textContent = status.getAttribute("data-both");
    } else if (box === everything) {
      status.textContent = "";
    }
  });
})();
