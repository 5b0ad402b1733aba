/*
 * The print date of a printout is the day the reader prints: the page carries the build day
 * (overrides/main.html, .cb-print__date) for readers without script, and this writes today's date,
 * on the reader's clock, just before the browser lays the page out for print.
 */
(function () {
  "use strict"

  function two(n) { return (n < 10 ? "0" : "") + n }

  function stamp() {
    var now = new Date()
    var dates = document.querySelectorAll(".cb-print__date")
    for (var i = 0; i < dates.length; i++) {
      dates[i].setAttribute("datetime", now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate()))
      dates[i].textContent = two(now.getDate()) + "/" + two(now.getMonth() + 1) + "/" + now.getFullYear()
    }
  }

  window.addEventListener("beforeprint", stamp)
  if (window.matchMedia) {  // browsers that print without the event (older Safari) still tell the media change
    var print = window.matchMedia("print")
    if (print.addEventListener) print.addEventListener("change", function (e) { if (e.matches) stamp() })
  }
})()
