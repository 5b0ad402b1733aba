/*
 * Time-relative text that cannot go stale: "còn N ngày", "hôm nay", "đang diễn ra", "đã qua"
 * recomputed from the dates the page carries (data-cb-start / data-cb-end, written by
 * congbo/templates/when.html.j2) against today in Vietnam, on the reader's clock. The text
 * written at build time stays for readers without script.
 */
(function () {
  "use strict"

  var DAY = 86400000

  // Today in Vietnam (UTC+07:00, no daylight saving), as days since 1970-01-01.
  function today() {
    var parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date())
    var get = function (type) { return Number(parts.filter(function (p) { return p.type === type })[0].value) }
    return Date.UTC(get("year"), get("month") - 1, get("day")) / DAY
  }

  function day(iso) {
    var p = iso.split("-")
    return Date.UTC(Number(p[0]), Number(p[1]) - 1, Number(p[2])) / DAY
  }

  function countdown(start, end, now) {
    var days = start - now
    if (days > 0) return "còn " + days + " ngày"
    if (days === 0) return "hôm nay"
    return end >= now ? "đang diễn ra" : "đã qua"
  }

  function tag(state) {
    var span = document.createElement("span")
    span.className = "cb-tag cb-tag--" + (state === "past" ? "past" : "now")
    span.textContent = state === "past" ? "đã qua" : "đang diễn ra"
    return span
  }

  function update(element, now) {
    var start = day(element.getAttribute("data-cb-start"))
    var end = day(element.getAttribute("data-cb-end"))
    if (element.hasAttribute("data-cb-countdown")) {
      element.textContent = countdown(start, end, now)
      return
    }
    var state = end < now ? "past" : start <= now && !element.hasAttribute("data-cb-past-only") ? "now" : ""
    element.textContent = ""
    if (state) {
      element.appendChild(document.createTextNode(" "))
      element.appendChild(tag(state))
    }
  }

  var now = today()
  var elements = document.querySelectorAll("[data-cb-start][data-cb-end]")
  for (var i = 0; i < elements.length; i++) update(elements[i], now)
})()
