/*
 * Two small behaviours of the project's pages, in one file so a first visit asks for one script, not two:
 * the documents index's filters, and the print date of a printout.
 */

/*
 * The documents index's filters (congbo/templates/plans_index.html.j2): by year, kind and level of the
 * issuing body, in the page, without a server. A document is shown when it matches every chosen value; a
 * group (issuer, year) with nothing shown is hidden, and the count of shown documents is announced.
 */
(function () {
  "use strict"

  var bar = document.querySelector("[data-cb-filter]")
  if (!bar) return
  var selects = bar.querySelectorAll("select[data-cb-filter-by]")
  var items = document.querySelectorAll("li[data-year][data-kind][data-level]")
  var groups = document.querySelectorAll(".cb-filter__group")
  var count = bar.querySelector("[data-cb-filter-count]")

  function apply() {
    var shown = 0
    for (var i = 0; i < items.length; i++) {
      var keep = true
      for (var j = 0; j < selects.length; j++) {
        var value = selects[j].value
        if (value && items[i].getAttribute("data-" + selects[j].getAttribute("data-cb-filter-by")) !== value) keep = false
      }
      items[i].hidden = !keep
      if (keep) shown++
    }
    for (var k = groups.length - 1; k >= 0; k--) {
      groups[k].hidden = !groups[k].querySelector("li[data-year]:not([hidden])")
    }
    count.textContent = "Đang hiện " + shown + " trên " + items.length + " văn bản."
  }

  for (var s = 0; s < selects.length; s++) selects[s].addEventListener("change", apply)
  bar.hidden = false
  apply()
})();

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
})();
