/*
 * Conditional reveals for radios, as GOV.UK's: an answer whose input names a block in
 * data-aria-controls shows that block only while it is chosen. Like GOV.UK Frontend it sets
 * aria-controls but not aria-expanded, which ARIA does not allow on a radio. Without this
 * script every block shows and the form works the same.
 * No inline script or style: the Content Security Policy allows neither.
 */
(function () {
  "use strict";

  function setUp(group) {
    var inputs = group.querySelectorAll("input[type=radio][data-aria-controls]");
    var all = group.querySelectorAll("input[type=radio]");
    var pairs = [];
    Array.prototype.forEach.call(inputs, function (input) {
      var block = document.getElementById(input.getAttribute("data-aria-controls"));
      if (!block) {
        return;
      }
      input.setAttribute("aria-controls", block.id);
      input.removeAttribute("data-aria-controls");
      pairs.push([input, block]);
    });

    function sync() {
      pairs.forEach(function (pair) {
        pair[1].classList.toggle("radios__conditional--hidden", !pair[0].checked);
      });
    }

    Array.prototype.forEach.call(all, function (input) {
      input.addEventListener("change", sync);
    });
    sync();
  }

  Array.prototype.forEach.call(
    document.querySelectorAll("[data-module=conditional-reveal]"),
    setUp
  );
})();
